package fr.prefecture.accueil.gate;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.util.UUID;

/** What the gate tests do again and again: book, get the convocation, scan. */
final class GateClient {
  static final String GATE = "guerite-nord";
  final TestServer server;
  /** The guard's API token; null for the server's usual guard ({@code server.token("guard")}). */
  private final String guard;

  GateClient(TestServer server) {
    this(server, null);
  }

  /** Scans as the guard of this token. */
  GateClient(TestServer server, String guardToken) {
    this.server = server;
    this.guard = guardToken;
  }

  long book(String service, String localStart, String name) {
    HttpResponse<Buffer> created = server.post("manager", "/api/appointments", new JsonObject()
        .put("service", service).put("start", localStart).put("visitor", new JsonObject().put("name", name)));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    return created.bodyAsJsonObject().getLong("id");
  }

  JsonObject convocation(long appointmentId) {
    HttpResponse<Buffer> response = server.get("manager", "/api/appointments/" + appointmentId + "/convocation");
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  String code(long appointmentId) {
    return convocation(appointmentId).getString("code");
  }

  HttpResponse<Buffer> scanRaw(Object body) {
    if (guard == null) {
      return server.post("guard", "/api/kiosk/scan", body);
    }
    HttpRequest<Buffer> request = server.request(HttpMethod.POST, "/api/kiosk/scan", guard);
    return body instanceof JsonObject json ? request.sendJsonObject(json).await()
        : request.sendBuffer(Buffer.buffer(body.toString())).await();
  }

  JsonObject scan(String code, String direction) {
    return scan(code, direction, UUID.randomUUID().toString());
  }

  JsonObject scan(String code, String direction, String scanId) {
    HttpResponse<Buffer> response = scanRaw(new JsonObject().put("code", code).put("gate", GATE)
        .put("direction", direction).put("scanId", scanId));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  JsonArray log(String date) {
    return server.get("manager", "/api/scans?date=" + date).bodyAsJsonArray();
  }
}
