package fr.prefecture.accueil.staff;

import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.auth.Attempts;
import fr.prefecture.accueil.auth.PasswordChecks;
import fr.prefecture.accueil.auth.PasswordHasher;
import fr.prefecture.accueil.http.Limits;
import fr.prefecture.accueil.web.Feature;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;

/** Staff accounts, sign-in sessions and API tokens; the first admin account from the environment. */
public record StaffFeature(StaffApi api) implements Feature {
  /**
   * Creates {@code admin} from {@code adminPassword} on a store with no account, then the API (whose decoy
   * password hash is computed off the event loop).
   */
  public static Future<StaffFeature> create(Vertx vertx, StaffRepository staff, PasswordHasher hasher,
      PasswordChecks passwords, Attempts attempts, Limits limits, Clock clock, AuditLog audit,
      Optional<String> adminPassword, boolean demo) {
    return new Bootstrap(vertx, staff, hasher, clock).adminFromEnvironment(adminPassword, demo)
        .compose(v -> vertx.executeBlocking(() -> new StaffFeature(
            new StaffApi(staff, hasher, passwords, clock, audit, attempts, limits, vertx.eventBus()))));
  }

  @Override
  public void mount(Routes routes) {
    api.mount(routes);
  }
}
