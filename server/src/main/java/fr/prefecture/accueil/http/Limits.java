package fr.prefecture.accueil.http;

import java.time.Duration;

/**
 * The server's limits, each a setting of the file's {@code server} section with the default below (README,
 * security section).
 *
 * @param signInFailuresPerAccount attempts checked per account within the window (since its last success)
 * @param signInFailuresPerAddress failed or pending sign-ins checked per address within the window
 * @param signInWindow the sign-in throttle's window
 * @param pairingFailuresPerAddress pairing codes checked per address within {@link #PAIRING_WINDOW}
 * @param passwordThreads password hashes computed at once
 * @param passwordQueue sign-ins waiting for a hash beyond which the server answers 503
 * @param bodyBufferBytes request-body bytes buffered at once across all requests
 */
public record Limits(int signInFailuresPerAccount, int signInFailuresPerAddress, Duration signInWindow,
    int pairingFailuresPerAddress, int passwordThreads, int passwordQueue, long bodyBufferBytes) {
  public static final Duration PAIRING_WINDOW = Duration.ofMinutes(10);
  public static final Limits DEFAULTS = new Limits(5, 30, Duration.ofMinutes(15), 10, 2, 64, 32L << 20);
}
