package fr.prefecture.accueil.queue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reception desk's API: walk-in tickets for any service with the wait to tell the visitor. */
class ReceptionApiTest {
  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.at(QueueApiTest.NINE);
  final TestServer server = SERVER.get();

  private JsonObject issue(String role, String service) {
    var response = server.post(role, "/api/reception/tickets", new JsonObject().put("service", service));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  private JsonObject service(String code) {
    JsonArray all = server.get("agent", "/api/reception/services").bodyAsJsonArray();
    return all.stream().map(JsonObject.class::cast).filter(s -> s.getString("code").equals(code)).findFirst()
        .orElseThrow();
  }

  @Test
  void issues_walk_in_tickets_for_two_services_with_the_people_ahead_and_todays_median_wait() {
    JsonObject first = issue("agent", "titres");
    assertThat(first.getString("ticket")).startsWith("T");
    assertThat(first.getString("kind")).isEqualTo("walk-in");
    assertThat(first.getInteger("ahead")).isZero();
    assertThat(first.getValue("medianWaitToday")).as("nobody called yet today").isNull();
    assertThat(first.getJsonObject("name").getString("fr")).startsWith("Titres d'identité");
    JsonObject second = issue("manager", "titres");
    assertThat(second.getInteger("ahead")).isEqualTo(1);
    assertThat(service("titres").getInteger("waiting")).isEqualTo(2);

    JsonObject pan = issue("agent", "pan");
    assertThat(pan.getString("ticket")).startsWith("P");
    assertThat(pan.getString("kind")).as("the PAN desk's walk-in queue, as from the PAN page").isEqualTo("walk-in");
    assertThat(pan.containsKey("slotStart")).isFalse();
    assertThat(server.get("agent", "/api/queues/pan").bodyAsJsonObject().getJsonArray("waiting").stream()
        .map(t -> ((JsonObject) t).getLong("id"))).contains(pan.getLong("id"));
    assertThat(service("pan").getBoolean("pan")).isTrue();

    assertThat(server.post("agent", "/api/counters/T1/call", null).bodyAsJsonObject().getLong("id"))
        .isEqualTo(first.getLong("id"));
    assertThat(service("titres").getInteger("medianWaitToday")).as("called within the minute").isZero();
    assertThat(service("titres").getInteger("waiting")).isEqualTo(1);
    assertThat(issue("agent", "titres").getInteger("medianWaitToday")).isZero();
  }

  @Test
  void refuses_an_unknown_or_missing_service_and_roles_other_than_agents_and_managers() {
    assertThat(server.post("agent", "/api/reception/tickets", new JsonObject().put("service", "nope")).statusCode())
        .isEqualTo(404);
    var missing = server.post("agent", "/api/reception/tickets", new JsonObject());
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.bodyAsJsonObject().getString("error")).isEqualTo("missing_field");
    assertThat(server.post("guard", "/api/reception/tickets", new JsonObject().put("service", "titres")).statusCode())
        .isEqualTo(403);
    assertThat(server.get("guard", "/api/reception/services").statusCode()).isEqualTo(403);
    assertThat(server.get(null, "/api/reception/services").statusCode()).isEqualTo(401);
    assertThat(server.get("admin", "/api/reception/services").statusCode()).isEqualTo(200);
  }
}
