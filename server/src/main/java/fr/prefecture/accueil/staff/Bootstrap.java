package fr.prefecture.accueil.staff;

import fr.prefecture.accueil.auth.PasswordHasher;
import fr.prefecture.accueil.auth.Role;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The first admin account, from ACCUEIL_ADMIN_PASSWORD, on a store that has no account yet. */
record Bootstrap(Vertx vertx, StaffRepository staff, PasswordHasher hasher, Clock clock) {
  private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

  Future<Void> adminFromEnvironment(Optional<String> password, boolean demo) {
    return staff.countAccounts().compose(count -> {
      if (count > 0) {
        return Future.succeededFuture();
      }
      if (password.isEmpty()) {
        if (demo) {
          return Future.succeededFuture();
        }
        LOG.warn("No staff account yet: set ACCUEIL_ADMIN_PASSWORD to create 'admin', or start with --demo");
        return Future.succeededFuture();
      }
      StaffApi.checkStrength(password.get());
      return vertx.executeBlocking(() -> hasher.hash(password.get()))
          .compose(hash -> staff.createAccount("admin", hash, Role.ADMIN, clock.millis()))
          .onSuccess(id -> LOG.info("Created account 'admin' from ACCUEIL_ADMIN_PASSWORD"))
          .mapEmpty();
    });
  }
}
