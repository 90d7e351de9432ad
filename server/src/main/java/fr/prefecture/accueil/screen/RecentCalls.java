package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * The latest calls kept in memory from the event bus (bounded): a stand-in until the screens read the queue
 * part's {@code calls} table. Lost on restart, and each node only knows the calls it saw.
 */
public final class RecentCalls implements LatestCalls {
  private static final int KEPT = 500;

  private final SiteTime time;
  private final Deque<Call> calls = new ArrayDeque<>();

  public RecentCalls(SiteTime time) {
    this.time = time;
  }

  @Override
  public synchronized void seen(Call call) {
    calls.addFirst(call);
    while (calls.size() > KEPT) {
      calls.removeLast();
    }
  }

  @Override
  public synchronized Future<List<Call>> today(Collection<String> services, int limit) {
    var today = time.today();
    return Future.succeededFuture(calls.stream()
        .filter(c -> services.contains(c.service()) && time.dateOf(c.at()).equals(today))
        .sorted((a, b) -> b.at().compareTo(a.at()))
        .limit(limit).toList());
  }
}
