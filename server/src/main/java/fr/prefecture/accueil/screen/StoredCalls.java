package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.queue.CallLog;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;

/** The latest calls as the queue stored them: right after a restart and on every node. */
public record StoredCalls(CallLog log, SiteTime time) implements LatestCalls {
  @Override
  public void seen(Call call) {
    // The store already holds it: the queue writes the call before publishing it.
  }

  @Override
  public Future<List<Call>> today(Collection<String> services, int limit) {
    return log.latest(time.today(), services, limit).map(calls -> calls.stream()
        .map(c -> new Call(c.ticketId(), c.ticket(), c.service(), c.counter(), c.at(), c.kind(), c.transferTo()))
        .toList());
  }
}
