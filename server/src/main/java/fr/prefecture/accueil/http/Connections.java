package fr.prefecture.accueil.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open connections, so that slow or numerous clients cannot exhaust the server's file descriptors. A connection
 * must send its first request's headers within {@code headerTimeout}. From one address, at most
 * {@code anonymousConnectionsPerAddress} ("the cap") connections may be open that no paired device, signed-in
 * person or API token has used yet. Over the cap a new connection is on probation: its first request must carry
 * credentials (a session or device cookie, a bearer token), else it is answered 429 and closed; at twice the cap
 * a new connection is closed as soon as it opens, so one address never holds more than twice the cap. A
 * connection is {@link #known(HttpServerRequest) known} once a request on it carried valid credentials: a site's
 * screens, a benchmark's thousand paired screens and the staff behind one address never count. Connections from a
 * trusted reverse proxy are not capped here (the proxy holds the clients' connections; throttles read the
 * forwarded address). Counts are of this node's own connections: a connection lives on one node.
 */
public final class Connections {
  private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

  private final Vertx vertx;
  private final ConnectionLimits limits;
  private final ClientAddress addresses;
  private final Map<HttpConnection, Open> open = new ConcurrentHashMap<>();
  private final Map<String, Integer> anonymous = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong timedOut = new AtomicLong();

  /** One open connection: its peer, whether it still counts as anonymous, its header timer. */
  private static final class Open {
    final String peer;
    volatile boolean counted;
    volatile boolean probation;
    volatile long timer = -1;

    Open(String peer) {
      this.peer = peer;
    }
  }

  public Connections(Vertx vertx, ConnectionLimits limits, ClientAddress addresses) {
    this.vertx = vertx;
    this.limits = limits;
    this.addresses = addresses;
  }

  /** Watches every connection the server accepts. */
  public HttpServer install(HttpServer server) {
    return server.connectionHandler(this::opened);
  }

  private void opened(HttpConnection connection) {
    Open state = new Open(ClientAddress.peer(connection.remoteAddress()));
    if (!addresses.trusted(state.peer)) {
      state.counted = true;
      int count = anonymous.merge(state.peer, 1, Integer::sum);
      state.probation = count > limits.anonymousConnectionsPerAddress();
      if (count > 2 * limits.anonymousConnectionsPerAddress()) {
        release(state);
        refused.incrementAndGet();
        LOG.debug("{} holds {} anonymous connections: closing a new one", state.peer, count - 1);
        connection.close();
        return;
      }
    }
    open.put(connection, state);
    state.timer = vertx.setTimer(limits.headerTimeout().toMillis(), t -> {
      state.timer = -1;
      timedOut.incrementAndGet();
      connection.close();
    });
    connection.closeHandler(v -> {
      Open gone = open.remove(connection);
      if (gone != null) {
        cancelTimer(gone);
        release(gone);
      }
    });
  }

  /** Wraps the server's request handler: headers have come, so the header timer stops. */
  public Handler<HttpServerRequest> guard(Handler<HttpServerRequest> next) {
    return request -> {
      Open state = open.get(request.connection());
      if (state != null) {
        cancelTimer(state);
        if (state.probation && state.counted && !carriesCredentials(request)) {
          refused.incrementAndGet();
          request.response().setStatusCode(429).putHeader("Retry-After", "10")
              .putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Connection", "close")
              .end(new JsonObject().put("error", "too_many_connections").put("message",
                  "Too many connections from this address; try again in a moment").encode())
              .onComplete(done -> request.connection().close());
          return;
        }
      }
      next.handle(request);
    };
  }

  private static boolean carriesCredentials(HttpServerRequest request) {
    String cookies = request.getHeader("Cookie");
    return request.getHeader("Authorization") != null
        || cookies != null && (cookies.contains("accueil_session=") || cookies.contains("accueil_device="));
  }

  /** A request on this connection carried a paired device's, a session's or a token's credentials. */
  public void known(HttpServerRequest request) {
    Open state = open.get(request.connection());
    if (state != null) {
      release(state);
    }
  }

  /** Anonymous connections open now from this address (for tests and figures). */
  public int anonymous(String address) {
    return anonymous.getOrDefault(address, 0);
  }

  /** Connections refused over the cap (closed at once, or 429 on probation), and closed for not sending headers in
   * time, since start. */
  public long refused() {
    return refused.get();
  }

  public long timedOut() {
    return timedOut.get();
  }

  private void cancelTimer(Open state) {
    long timer = state.timer;
    if (timer >= 0) {
      state.timer = -1;
      vertx.cancelTimer(timer);
    }
  }

  private void release(Open state) {
    if (!state.counted) {
      return;
    }
    state.counted = false;
    anonymous.computeIfPresent(state.peer, (k, count) -> count <= 1 ? null : count - 1);
  }
}
