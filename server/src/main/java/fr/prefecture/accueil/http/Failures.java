package fr.prefecture.accueil.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become HTTP answers: JSON under /api, a short page elsewhere. */
public final class Failures {
  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
  private static final Set<Integer> EXPLAINED = Set.of(400, 401, 403, 404, 405, 413, 415);

  private final Templates templates = Templates.compile("error");

  Failures() {}

  /** Installs the failure handler and the 404/405/413 error handlers on the root router. */
  public static void install(Router router) {
    Failures failures = new Failures();
    router.route().failureHandler(failures::handle);
    router.errorHandler(404, ctx -> failures.send(ctx, 404, "not_found", "No such resource: " + ctx.request().path()));
    router.errorHandler(405, ctx -> failures.send(ctx, 405, "method_not_allowed",
        ctx.request().method() + " is not allowed on " + ctx.request().path()));
    router.errorHandler(413, ctx -> failures.send(ctx, 413, "body_too_large", "The request body is too large"));
    router.errorHandler(500, failures::handle);
  }

  void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiErrorWithBody withBody) {
      JsonObject body = withBody.details().copy()
          .put("error", withBody.code()).put("message", withBody.getMessage());
      write(ctx, withBody.status(), body);
      return;
    }
    if (failure instanceof ApiException api) {
      LOG.debug("{} {} -> {} {}", ctx.request().method(), ctx.request().path(), api.status(), api.getMessage());
      send(ctx, api.status(), api.code(), api.getMessage());
      return;
    }
    if (failure instanceof DecodeException) {
      send(ctx, 400, "malformed_json", "The body is not valid JSON");
      return;
    }
    int status = ctx.statusCode();
    if (failure == null && status >= 400 && status < 500) {
      send(ctx, status, clientCode(status), clientMessage(status));
      return;
    }
    LOG.error("{} {} failed", ctx.request().method(), ctx.request().uri(), failure);
    send(ctx, 500, "internal", "Internal error; it has been logged");
  }

  private static String clientCode(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "body_too_large";
      case 415 -> "unsupported_media_type";
      default -> "client_error";
    };
  }

  private static String clientMessage(int status) {
    return switch (status) {
      case 413 -> "The request body is too large";
      case 415 -> "Unsupported content type";
      case 404 -> "No such resource";
      default -> "Bad request";
    };
  }

  private void send(RoutingContext ctx, int status, String code, String message) {
    write(ctx, status, new JsonObject().put("error", code).put("message", message));
  }

  private void write(RoutingContext ctx, int status, JsonObject body) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      response.reset();
      return;
    }
    if (!ctx.request().isEnded() && ctx.request().version() != HttpVersion.HTTP_2) {
      // Refused before its body was read (401, 403, 413): answer, then close rather than read the rest.
      response.putHeader(HttpHeaders.CONNECTION, "close");
      response.endHandler(v -> ctx.request().connection().close());
    }
    if (!ctx.request().path().startsWith("/api/") && status >= 400 && wantsHtml(ctx)) {
      response.setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
          .end(errorPage(status, body.getString("message")));
      return;
    }
    response.setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }

  /** The short bilingual page: what happened in French (from the bundle), the answer's message in English. */
  String errorPage(int status, String message) {
    String explanation = "error." + (EXPLAINED.contains(status) ? status : "other") + ".fr";
    return templates.render("error",
        Map.of("status", status, "explanation", explanation, "message", Objects.requireNonNullElse(message, "")));
  }

  private static boolean wantsHtml(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }
}
