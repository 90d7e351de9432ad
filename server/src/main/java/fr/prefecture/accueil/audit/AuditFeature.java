package fr.prefecture.accueil.audit;

import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.web.Feature;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;

/** The audit trail, read by admins ({@link AuditLog} is what the other features record through). */
public record AuditFeature(AuditLog audit) implements Feature {
  public static Future<AuditFeature> create(AuditLog audit) {
    return Future.succeededFuture(new AuditFeature(audit));
  }

  @Override
  public void mount(Routes routes) {
    routes.with(Role.ADMIN).get("/audit").respond(audit::list);
  }
}
