package fr.prefecture.accueil.operations;

import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The managers' view of the hall now, service by service: visitors waiting, the longest current wait, today's
 * median wait, counters open (a call in the last hour, or serving now) and busy (serving now), first calls in the
 * last hour, PAN places left, and the thresholds crossed. Read from the store on each call.
 */
record Hall(Site site, SiteTime time, HallRepository store, Supplier<Future<Map<String, Integer>>> medians,
    Supplier<Future<Map<String, Integer>>> panPlaces) {
  static final Duration RECENT = Duration.ofHours(1);
  private static final Logger LOG = LoggerFactory.getLogger(Hall.class);

  /** The figures read for one instant. */
  record Figures(Instant now, List<HallRepository.Waiting> waiting, List<String> busy,
      List<HallRepository.Calls> calls, Map<String, Integer> medians, Map<String, Integer> panPlaces) {}

  Future<JsonObject> load() {
    Instant now = time.now();
    LocalDate day = time.today();
    Future<List<HallRepository.Waiting>> waiting = store.waiting(day);
    Future<List<String>> busy = store.busy(day);
    Future<List<HallRepository.Calls>> calls = store.callsSince(day, now.minus(RECENT));
    // the median comes from the reports' pool: without it, the rest of the view still goes out
    Future<Map<String, Integer>> median = medians.get().recover(e -> {
      LOG.warn("Cannot read today's median waits for the live view", e);
      return Future.succeededFuture(Map.of());
    });
    Future<Map<String, Integer>> pan = panPlaces.get();
    return Future.all(waiting, busy, calls, median, pan).map(v -> state(new Figures(now, waiting.result(),
        busy.result(), calls.result(), median.result(), pan.result())));
  }

  JsonObject state(Figures f) {
    JsonArray services = new JsonArray();
    for (Site.Service s : site.services()) {
      services.add(service(s, f));
    }
    return new JsonObject().put("at", f.now().toString()).put("time", time.frenchTime(f.now()))
        .put("services", services);
  }

  private JsonObject service(Site.Service s, Figures f) {
    int waiting = 0;
    long since = Long.MAX_VALUE;
    for (HallRepository.Waiting w : f.waiting()) {
      if (w.service().equals(s.code())) {
        waiting += w.count();
        since = Math.min(since, w.since());
      }
    }
    Integer longest = waiting == 0 ? null : (int) Math.max(0, (f.now().toEpochMilli() - since) / 60_000);
    Set<String> busy = new HashSet<>(f.busy());
    busy.retainAll(s.counters());
    Set<String> open = new HashSet<>(busy);
    int calls = 0;
    for (HallRepository.Calls c : f.calls()) {
      if (s.counters().contains(c.counter())) {
        open.add(c.counter());
      }
      if (c.service().equals(s.code()) && c.kind().equals("call")) {
        calls += c.count();
      }
    }
    JsonObject out = new JsonObject().put("code", s.code())
        .put("name", new JsonObject().put("fr", s.name().fr()).put("en", s.name().en()))
        .put("waiting", waiting).put("longestWaitMinutes", longest)
        .put("medianWaitMinutes", f.medians().get(s.code()))
        .put("counters", new JsonObject().put("configured", s.counters().size()).put("open", open.size())
            .put("busy", busy.size()))
        .put("callsLastHour", calls)
        .put("panPlacesLeft", s.pan().isPresent() ? f.panPlaces().getOrDefault(s.code(), 0) : null);
    Site.Thresholds limits = s.thresholds();
    JsonObject thresholds = new JsonObject();
    limits.waitMinutes().ifPresent(n -> thresholds.put("waitMinutes", n));
    limits.waiting().ifPresent(n -> thresholds.put("waiting", n));
    JsonArray crossed = new JsonArray();
    crossed(crossed, "waitMinutes", longest == null ? 0 : longest, limits.waitMinutes());
    crossed(crossed, "waiting", waiting, limits.waiting());
    return out.put("thresholds", thresholds).put("crossed", crossed);
  }

  /** A threshold is crossed when the figure is over it (a wait of 45 min with a threshold of 45 is not). */
  private static void crossed(JsonArray out, String measure, int value, Optional<Integer> limit) {
    if (limit.isPresent() && value > limit.get()) {
      out.add(new JsonObject().put("measure", measure).put("value", value).put("limit", limit.get()));
    }
  }
}
