package fr.prefecture.accueil.auth;

import io.vertx.core.Future;
import java.util.Optional;

/** Where {@link Access} finds who holds a session or an API token, by the secret's hash (the staff store). */
public interface Credentials {
  /**
   * The caller of a live session (by the rules, an ended one is deleted); {@code activity} is false for a page's
   * periodic refresh, which leaves the session's last use as it was.
   */
  Future<Optional<Caller>> sessionCaller(String tokenHash, long now, SessionRules rules, boolean activity);

  /** The caller of a live (not revoked) API token. */
  Future<Optional<Caller>> tokenCaller(String tokenHash);
}
