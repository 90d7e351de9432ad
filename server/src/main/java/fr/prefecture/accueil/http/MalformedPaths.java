package fr.prefecture.accueil.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * Answers 400 to a path with a broken percent-escape (such as {@code /api/%ZZ}) before the router
 * sees it: the router would answer 400 too, but log the client's mistake as an error with a stack
 * trace, one per request.
 */
public final class MalformedPaths {
  private MalformedPaths() {}

  public static Handler<HttpServerRequest> guard(Handler<HttpServerRequest> next) {
    return request -> {
      if (wellFormed(request.path())) {
        next.handle(request);
        return;
      }
      request.response().setStatusCode(400).putHeader("Content-Type", "application/json; charset=utf-8")
          .end(new JsonObject().put("error", "malformed_path")
              .put("message", "The path is not valid URL encoding").encode());
    };
  }

  static boolean wellFormed(String path) {
    if (path == null) {
      return false;
    }
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '%') {
        if (i + 2 >= path.length() || !hex(path.charAt(i + 1)) || !hex(path.charAt(i + 2))) {
          return false;
        }
        i += 2;
      }
    }
    return true;
  }

  private static boolean hex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
