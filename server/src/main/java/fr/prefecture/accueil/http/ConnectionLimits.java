package fr.prefecture.accueil.http;

import java.time.Duration;
import java.util.List;

/**
 * Limits on connections, each a setting of the file's {@code server} section with the default below (README,
 * security section).
 *
 * @param headerTimeout time a new connection has to send its first request's headers before it is closed
 * @param idleTimeout time a connection may stay without a byte read or written (event streams send a heartbeat)
 * @param anonymousConnectionsPerAddress open connections from one address not yet used by a paired device, a
 *     signed-in person or an API token; a connection over it is closed at once
 * @param anonymousStreamsPerAddress screen event streams from one address without a paired device or a session
 *     (screens open without pairing, as in the demo); beyond it 429
 * @param trustedProxies reverse proxies whose {@code X-Forwarded-For} gives the client's address
 */
public record ConnectionLimits(Duration headerTimeout, Duration idleTimeout, int anonymousConnectionsPerAddress,
    int anonymousStreamsPerAddress, List<String> trustedProxies) {
  public static final ConnectionLimits DEFAULTS = new ConnectionLimits(Duration.ofSeconds(10), Duration.ofSeconds(60),
      256, 20, List.of());

  public ConnectionLimits {
    trustedProxies = List.copyOf(trustedProxies);
  }
}
