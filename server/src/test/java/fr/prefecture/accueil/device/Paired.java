package fr.prefecture.accueil.device;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/** Test helper: pairs a device through the API and returns the Cookie header value it then sends. */
public final class Paired {
  private Paired() {}

  public static String code(TestServer server, JsonObject device) {
    HttpResponse<Buffer> created = server.post("admin", "/api/devices", device);
    if (created.statusCode() != 201) {
      throw new IllegalStateException(created.bodyAsString());
    }
    return created.bodyAsJsonObject().getString("code");
  }

  public static HttpResponse<Buffer> pair(TestServer server, String code) {
    return server.client.post("/api/devices/pair").putHeader("Origin", server.baseUrl())
        .sendJsonObject(new JsonObject().put("code", code)).await();
  }

  public static String cookie(HttpResponse<Buffer> paired) {
    return paired.cookies().stream().filter(c -> c.startsWith("accueil_device="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
  }

  public static String screen(TestServer server, String screen) {
    return cookie(pair(server, code(server, new JsonObject().put("kind", "screen").put("screen", screen)
        .put("name", "écran " + screen))));
  }

  public static String kiosk(TestServer server, String gate) {
    return cookie(pair(server, code(server, new JsonObject().put("kind", "kiosk").put("gate", gate)
        .put("name", "guérite " + gate))));
  }
}
