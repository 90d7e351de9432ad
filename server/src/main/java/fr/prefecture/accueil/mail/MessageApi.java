package fr.prefecture.accueil.mail;

import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.JsonInput;
import fr.prefecture.accueil.web.Pages;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * The outbox for admins: every message with its state, and each as the visitor sees it (its HTML, served under a
 * sandboxing policy to a sandboxed frame of {@code /admin/messages}: no script, nothing from elsewhere).
 */
record MessageApi(Vertx vertx, Outbox outbox, ConvocationMail mails, Access access) {
  static final int LIST_LIMIT = 500;
  static final Set<String> STATUSES = Set.of("queued", "sent", "failed", "expired");
  /** The preview: no script, no request anywhere, only our own page may frame it. */
  static final String PREVIEW_CSP = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
      + "frame-ancestors 'self'";

  void mount(Routes routes) {
    routes.with(Role.ADMIN).get("/messages").respond(this::list);
    routes.with(Role.ADMIN).get("/messages/:id/preview").respond(this::preview);
  }

  void mountPages(Router root) {
    root.get("/admin/messages").handler(access.page(Role.ADMIN)).handler(Pages.page("admin-messages"));
  }

  Future<JsonArray> list(RoutingContext ctx) {
    String status = ctx.queryParams().get("status");
    if (status != null && !STATUSES.contains(status)) {
      throw ApiException.badRequest("invalid_field", "status must be one of queued, sent, failed, expired");
    }
    return outbox.latest(LIST_LIMIT).map(all -> new JsonArray(all.stream()
        .filter(m -> status == null || status.equals(m.status())).map(MessageApi::json).toList()));
  }

  Future<String> preview(RoutingContext ctx) {
    long id = JsonInput.pathId(ctx, "id");
    return outbox.find(id).compose(found -> {
      Outbox.Message m = found.orElseThrow(() -> ApiException.notFound("Message " + id));
      ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
          .putHeader("Content-Security-Policy", PREVIEW_CSP).putHeader("X-Frame-Options", "SAMEORIGIN");
      return vertx.executeBlocking(() -> mails.preview(m), false);
    });
  }

  static JsonObject json(Outbox.Message m) {
    return new JsonObject().put("id", m.id()).put("kind", m.kind()).put("appointmentId", m.appointmentId())
        .put("recipient", m.recipient()).put("subject", m.subject()).put("status", m.status())
        .put("attempts", m.attempts()).put("lastError", m.lastError()).put("messageId", m.messageId())
        .put("createdAt", m.createdAt().toString())
        .put("nextAttemptAt", "queued".equals(m.status()) ? m.nextAttemptAt().toString() : null)
        .put("sentAt", m.sentAt() == null ? null : m.sentAt().toString())
        .put("preview", "/api/messages/" + m.id() + "/preview");
  }
}
