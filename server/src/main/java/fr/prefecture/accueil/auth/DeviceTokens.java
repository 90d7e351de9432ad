package fr.prefecture.accueil.auth;

import io.vertx.core.Future;
import java.util.Optional;

/** Finds the live (paired, not revoked) device holding a token, by the token's hash. */
@FunctionalInterface
public interface DeviceTokens {
  DeviceTokens NONE = hash -> Future.succeededFuture(Optional.empty());

  Future<Optional<Device>> byTokenHash(String tokenHash);
}
