package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.events.Events;
import fr.prefecture.accueil.http.EventStream;
import fr.prefecture.accueil.signage.live.ScreenEvents;
import fr.prefecture.accueil.signage.view.ScreenPage;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-sent-event hub of this verticle instance: keeps the open screen connections, turns event-bus messages
 * into {@code state}, {@code call}, {@code alert} and {@code alert-ended} events, and sends heartbeats. Events are
 * computed for every configured screen, connected or not, so that a screen whose only stream dropped can be
 * replayed what it missed.
 *
 * <p>All of it runs on the verticle's event loop, so the maps need no locks. Every change re-reads the store
 * ({@link ScreenContent#load()}); loads are coalesced (a burst costs two reads; a later one never overtakes). Ids
 * are {@code <boot>-<sequence>}; the last events are kept in a bounded ring (count and age) to replay after
 * {@code Last-Event-ID}, then a fresh {@code state}; an id of another boot or node, or too old: the state alone.
 */
final class ScreenHub {
  private static final Logger LOG = LoggerFactory.getLogger(ScreenHub.class);
  static final Duration HEARTBEAT = Duration.ofSeconds(15);
  private static final Duration RETRY = Duration.ofSeconds(1); // a failed read again, not at the next heartbeat
  static final Duration EXPIRY_CHECK = Duration.ofSeconds(2);
  static final int RING_SIZE = 1024;
  static final Duration RING_AGE = Duration.ofMinutes(5);

  /** One open stream. {@code needsState}: it has not had a full state since it opened. */
  private static final class Connection {
    final String screen;
    final boolean preview;
    final HttpServerResponse response;
    boolean needsState = true;

    Connection(String screen, boolean preview, HttpServerResponse response) {
      this.screen = screen;
      this.preview = preview;
      this.response = response;
    }
  }

  private record Sent(long seq, String screen, String name, String data, Instant at) {}

  private record Shown(String state, String slides, String alertId) {}

  private final Vertx vertx;
  private final Site site;
  private final SiteTime time;
  private final ScreenContent content;
  private final ScreenEvents events;
  private final LatestCalls calls;
  private final AlertRepository alerts;
  private final ContactRepository contacts;
  private final String boot = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);

  private final Map<String, List<Connection>> connections = new LinkedHashMap<>();
  private final Map<String, Shown> shown = new HashMap<>();
  private final Deque<Sent> ring = new ArrayDeque<>();
  private final Map<String, Instant> contactWritten = new HashMap<>();
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private final List<Long> timers = new ArrayList<>();
  private long seq;
  private long lastEvicted;
  private boolean loading;
  private boolean dirty;
  private boolean retrying;
  private boolean closed;

  ScreenHub(Vertx vertx, Site site, SiteTime time, ScreenContent content, ScreenEvents events, LatestCalls calls,
      AlertRepository alerts, ContactRepository contacts) {
    this.vertx = vertx;
    this.site = site;
    this.time = time;
    this.content = content;
    this.events = events;
    this.calls = calls;
    this.alerts = alerts;
    this.contacts = contacts;
  }

  /** Subscribes to the bus and starts the timers; call on the verticle's context. */
  void start() {
    consumers.add(vertx.eventBus().<JsonObject>consumer(Events.ALERTS, m -> refresh()));
    consumers.add(vertx.eventBus().<JsonObject>consumer(Events.SIGNAGE, m -> refresh()));
    consumers.add(vertx.eventBus().<JsonObject>consumer(Events.QUEUES, m -> refresh()));
    consumers.add(vertx.eventBus().<JsonObject>consumer(Events.CALLS, m -> call(m.body())));
    timers.add(vertx.setPeriodic(HEARTBEAT.toMillis(), id -> heartbeat()));
    timers.add(vertx.setPeriodic(EXPIRY_CHECK.toMillis(), id -> endExpired()));
    refresh();
  }

  void close() {
    closed = true;
    timers.forEach(vertx::cancelTimer);
    consumers.forEach(MessageConsumer::unregister);
    connections.values().forEach(list -> list.forEach(c -> c.response.reset()));
    connections.clear();
  }

  /** Opens a stream: headers, replay of what the screen missed (if it can), then a full state. */
  void connect(Site.Screen screen, boolean preview, String lastEventId, HttpServerResponse response) {
    EventStream.open(response, 3000);
    response.write(heartbeatFrame()); // the server's clock at once: a demo's runs elsewhere
    Connection connection = new Connection(screen.id(), preview, response);
    connections.computeIfAbsent(screen.id(), k -> new ArrayList<>()).add(connection);
    response.closeHandler(v -> disconnect(connection));
    replay(connection, lastEventId);
    if (!preview) {
      Instant last = contactWritten.get(screen.id());
      if (last == null || last.isBefore(time.now().minus(HEARTBEAT))) {
        touch(Set.of(screen.id()));
      }
    }
    Shown current = shown.get(screen.id());
    if (current != null && !loading && !dirty) {
      // the state of a screen already connected is kept up to date: no need to read the store again
      connection.needsState = false;
      write(connection, next(), ScreenEvents.STATE, current.state());
    } else {
      refresh();
    }
  }

  private void disconnect(Connection connection) {
    List<Connection> list = connections.get(connection.screen);
    if (list == null || !list.remove(connection)) {
      return;
    }
    if (list.isEmpty()) {
      connections.remove(connection.screen);
      if (!connection.preview) {
        touch(Set.of(connection.screen));
      }
    }
  }

  /** Screens with at least one open stream on this node (previews not counted). */
  Map<String, Integer> connected() {
    Map<String, Integer> out = new HashMap<>();
    connections.forEach((screen, list) -> {
      int n = (int) list.stream().filter(c -> !c.preview).count();
      if (n > 0) {
        out.put(screen, n);
      }
    });
    return out;
  }

  private void replay(Connection connection, String lastEventId) {
    long after = parse(lastEventId);
    if (after < 0 || after > seq || after < lastEvicted) {
      return;
    }
    for (Sent sent : ring) {
      if (sent.seq() > after && sent.screen().equals(connection.screen) && !sent.name().equals(ScreenEvents.STATE)) {
        write(connection, sent.seq(), sent.name(), sent.data());
      }
    }
  }

  /** The sequence of one of our own ids, or -1 for none, garbage, or an id of another boot or node. */
  private long parse(String lastEventId) {
    if (lastEventId == null || !lastEventId.startsWith(boot + "-")) {
      return -1;
    }
    try {
      return Long.parseLong(lastEventId.substring(boot.length() + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Re-reads the store and sends every connected screen what changed for it. */
  void refresh() {
    if (closed) {
      return;
    }
    if (loading) {
      dirty = true;
      return;
    }
    loading = true;
    dirty = false;
    content.load().onComplete(ar -> {
      loading = false;
      if (ar.succeeded()) {
        apply(ar.result());
      } else if (!closed) {
        LOG.warn("Cannot read the screens' content; reading again in a second: {}", ar.cause().toString());
        retrying = retrying || vertx.setTimer(RETRY.toMillis(), id -> {
          retrying = false;
          refresh();
        }) >= 0;
      }
      if (dirty) {
        refresh();
      }
    });
  }

  private void apply(ScreenContent.Snapshot snapshot) {
    for (Site.Screen screen : site.screens()) {
      String screenId = screen.id();
      ScreenPage page = content.page(screen, snapshot);
      String alertId = page.alert() == null ? null : page.alert().id();
      String slides = events.state(page.withoutAlert());
      String state = alertId == null ? slides : events.state(page);
      Shown before = shown.put(screenId, new Shown(state, slides, alertId));
      if (before != null && !Objects.equals(before.alertId(), alertId)) {
        if (alertId == null) {
          broadcast(screenId, ScreenEvents.ALERT_ENDED, events.alertEnded(before.alertId()));
        } else {
          broadcast(screenId, ScreenEvents.ALERT, events.alert(page.alert()));
        }
      }
      if (before != null && !before.slides().equals(slides)) {
        broadcast(screenId, ScreenEvents.STATE, state);
      } else {
        for (Connection c : connections.getOrDefault(screenId, List.of())) {
          if (c.needsState) {
            c.needsState = false;
            write(c, next(), ScreenEvents.STATE, state);
          }
        }
      }
    }
  }

  private void call(JsonObject message) {
    Call call = Call.fromMessage(message);
    if (call == null) {
      LOG.warn("Ignored a call message without ticket, service, counter or time: {}", message);
      return;
    }
    calls.seen(call);
    String data = null;
    for (Site.Screen screen : site.screens()) {
      if (content.callServices(screen).contains(call.service())) {
        // a transfer is not spoken as a call to a counter: the screen chimes and shows where to go
        data = data != null ? data : call.transferTo() != null ? events.call(content.callView(call, true))
            : events.call(content.callView(call, true), call.counter());
        broadcast(screen.id(), ScreenEvents.CALL, data);
      }
    }
    refresh();
  }

  private void broadcast(String screenId, String name, String data) {
    long id = next();
    Instant now = time.now();
    ring.addLast(new Sent(id, screenId, name, data, now));
    while (ring.size() > RING_SIZE || ring.peekFirst().at().isBefore(now.minus(RING_AGE))) {
      lastEvicted = ring.removeFirst().seq();
    }
    for (Connection c : new ArrayList<>(connections.getOrDefault(screenId, List.of()))) {
      if (name.equals(ScreenEvents.STATE)) {
        c.needsState = false;
      }
      write(c, id, name, data);
    }
  }

  private long next() {
    return ++seq;
  }

  private void write(Connection c, long id, String name, String data) {
    send(c, EventStream.event(boot + "-" + id, name, data));
  }

  private void send(Connection c, String frame) {
    EventStream.Sent sent = EventStream.send(c.response, frame);
    if (sent == EventStream.Sent.TOO_SLOW) {
      LOG.info("Screen {} does not read its stream: closed it", c.screen);
    }
    if (sent != EventStream.Sent.SENT) {
      disconnect(c);
    }
  }

  private String heartbeatFrame() {
    return EventStream.event(null, ScreenEvents.HEARTBEAT, events.heartbeat(time.now()));
  }

  private void heartbeat() {
    String frame = heartbeatFrame();
    for (List<Connection> list : new ArrayList<>(connections.values())) {
      for (Connection c : new ArrayList<>(list)) {
        send(c, frame);
      }
    }
    touch(connected().keySet());
    // notices start and end with the clock, the live figures move: a periodic re-read catches both
    refresh();
  }

  private void touch(Set<String> screens) {
    if (screens.isEmpty() || closed) {
      return;
    }
    Instant now = time.now();
    screens.forEach(s -> contactWritten.put(s, now));
    contacts.touch(new HashSet<>(screens), now).onFailure(e -> {
      if (!closed) {
        LOG.warn("Cannot record the screens' last contact", e);
      }
    });
  }

  /** Ends the alerts whose expiry has passed, and tells every node. */
  private void endExpired() {
    Instant now = time.now();
    alerts.expired(now)
        .compose(ids -> Future.all(ids.stream().map(id -> alerts.end(id, now, "expiry", "expired")
            .onSuccess(ended -> {
              if (ended) {
                vertx.eventBus().publish(Events.ALERTS, new JsonObject().put("id", id).put("action", "ended"));
              }
            })).toList()))
        .onFailure(e -> LOG.warn("Cannot end expired alerts", e));
  }
}
