package fr.prefecture.accueil.auth;

import io.vertx.core.Future;
import java.util.Optional;

/** Where {@link Access} finds who holds a session or an API token, by the secret's hash (the staff store). */
public interface Credentials {
  /** The caller of a live session; a session idle longer than {@code idleMillis} has ended. */
  Future<Optional<Caller>> sessionCaller(String tokenHash, long now, long idleMillis);

  /** The caller of a live (not revoked) API token. */
  Future<Optional<Caller>> tokenCaller(String tokenHash);
}
