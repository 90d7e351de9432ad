package fr.prefecture.accueil.operations;

import fr.prefecture.accueil.events.Events;
import fr.prefecture.accueil.http.EventStream;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live streams of the managers' view: a full state on connect, then a new one after each admission, scan, call
 * or queue change. Changes are coalesced: one read of the store at most every {@link #COALESCE}, never two at once,
 * and a change during a read gets another read after it; nobody connected, nothing is read. A heartbeat comment every
 * {@link #HEARTBEAT} keeps the connection open, and the state is read again then (waits grow with the clock).
 *
 * <p>Everything runs on the feature's event loop (connections, consumers and timers share its context): no locks.
 */
final class OperationsHub {
  private static final Logger LOG = LoggerFactory.getLogger(OperationsHub.class);
  static final Duration HEARTBEAT = Duration.ofSeconds(15);
  static final Duration COALESCE = Duration.ofMillis(250);
  static final String STATE = "state";

  /** One open stream, and the account or token it was opened with. */
  private static final class Stream {
    final HttpServerResponse response;
    final String caller;
    boolean needsState = true;

    Stream(HttpServerResponse response, String caller) {
      this.response = response;
      this.caller = caller;
    }
  }

  private final Vertx vertx;
  private final Hall hall;
  private final List<Stream> streams = new ArrayList<>();
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private long heartbeat = -1;
  private long pending = -1;
  private long lastRead = Long.MIN_VALUE / 2;
  private boolean loading;
  private boolean dirty;
  private boolean closed;
  private String last;

  OperationsHub(Vertx vertx, Hall hall) {
    this.vertx = vertx;
    this.hall = hall;
  }

  void start() {
    for (String address : List.of(Events.SCANS, Events.ARRIVALS, Events.CALLS, Events.QUEUES)) {
      consumers.add(vertx.eventBus().<JsonObject>consumer(address, m -> changed()));
    }
    // a signed-out account's pages stop receiving at once
    consumers.add(vertx.eventBus().<JsonObject>consumer(Events.SESSIONS,
        m -> endStreamsOf(m.body().getString("username"))));
    heartbeat = vertx.setPeriodic(HEARTBEAT.toMillis(), id -> heartbeat());
  }

  void close() {
    closed = true;
    vertx.cancelTimer(heartbeat);
    if (pending >= 0) {
      vertx.cancelTimer(pending);
    }
    consumers.forEach(MessageConsumer::unregister);
    streams.forEach(s -> s.response.reset());
    streams.clear();
  }

  void connect(HttpServerResponse response, String caller) {
    EventStream.open(response, 3000);
    Stream stream = new Stream(response, caller);
    streams.add(stream);
    response.closeHandler(v -> streams.remove(stream));
    changed();
  }

  int connected() {
    return streams.size();
  }

  /** Something changed: read the state again, now or once the coalescing delay since the last read is over. */
  void changed() {
    if (closed || streams.isEmpty()) {
      return;
    }
    if (loading) {
      dirty = true;
      return;
    }
    if (pending >= 0) {
      return;
    }
    long wait = lastRead + COALESCE.toMillis() - System.nanoTime() / 1_000_000;
    if (wait > 0) {
      pending = vertx.setTimer(wait, id -> {
        pending = -1;
        read();
      });
    } else {
      read();
    }
  }

  private void read() {
    if (closed) {
      return;
    }
    loading = true;
    dirty = false;
    lastRead = System.nanoTime() / 1_000_000;
    hall.load().onComplete(ar -> {
      loading = false;
      if (ar.succeeded()) {
        publish(ar.result().encode());
      } else {
        LOG.warn("Cannot read the hall's state", ar.cause());
      }
      if (dirty) {
        changed();
      }
    });
  }

  private void publish(String state) {
    boolean changed = !state.equals(last);
    last = state;
    String frame = EventStream.event(null, STATE, state);
    for (Stream s : new ArrayList<>(streams)) {
      if (changed || s.needsState) {
        s.needsState = false;
        send(s, frame);
      }
    }
  }

  private void send(Stream s, String frame) {
    EventStream.Sent sent = EventStream.send(s.response, frame);
    if (sent == EventStream.Sent.TOO_SLOW) {
      LOG.info("A live view of the hall ({}) does not read its stream: closed it", s.caller);
    }
    if (sent != EventStream.Sent.SENT) {
      streams.remove(s);
    }
  }

  private void heartbeat() {
    String frame = EventStream.comment("heartbeat");
    new ArrayList<>(streams).forEach(s -> send(s, frame));
    changed();
  }

  private void endStreamsOf(String username) {
    for (Stream s : new ArrayList<>(streams)) {
      if (s.caller.equals(username)) {
        streams.remove(s);
        s.response.reset();
      }
    }
  }
}
