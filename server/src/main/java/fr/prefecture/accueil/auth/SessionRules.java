package fr.prefecture.accueil.auth;

import java.time.Duration;

/**
 * How long a staff session lives: it ends after {@code idle} without the person doing anything, and {@code lifetime}
 * after its sign-in whatever happens. A page's own periodic refreshes (sent with {@link #BACKGROUND}) are not the
 * person doing anything: a counter page left open all day still ends.
 */
public record SessionRules(Duration idle, Duration lifetime) {
  /** The header our pages put on their periodic refreshes ({@code request.js}, option {@code background}). */
  public static final String BACKGROUND = "X-Accueil-Background";

  /** Whether a session last used at {@code lastSeen} and created at {@code created} has ended at {@code now}. */
  public boolean ended(long created, long lastSeen, long now) {
    return now - lastSeen > idle.toMillis() || now - created > lifetime.toMillis();
  }
}
