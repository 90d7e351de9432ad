package fr.prefecture.accueil.queue;

import static fr.prefecture.accueil.queue.QueueApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** PAN slots over HTTP: the demo PAN has 20-minute slots of capacity 2 from 09:00, grace 15 minutes. */
@ExtendWith(VertxExtension.class)
class PanApiTest {
  static final Instant NINE = QueueApiTest.NINE;

  @TempDir
  Path dir;

  static JsonObject slot(TestServer server, String local) {
    return server.get("agent", "/api/pan/pan/slots").bodyAsJsonObject().getJsonArray("slots").stream()
        .map(o -> (JsonObject) o).filter(s -> s.getString("local").equals(local)).findFirst().orElseThrow();
  }

  static HttpResponse<Buffer> add(TestServer server, String to) {
    return server.post("agent", "/api/pan/pan/visitors", new JsonObject().put("to", to));
  }

  @Test
  void a_slot_booked_by_visitors_who_did_not_come_is_released_to_walk_ins_after_start_plus_grace(Vertx vertx) {
    TestServer server = TestServer.start(vertx, dir, NINE.plusSeconds(5 * 60));
    for (String name : new String[]{"Absent Un", "Absent Deux"}) {
      server.post("manager", "/api/appointments", new JsonObject().put("service", "pan")
          .put("start", "2026-03-30T09:00").put("visitor", new JsonObject().put("name", name)));
    }
    JsonObject before = slot(server, "09:00");
    assertThat(before.getInteger("free")).isZero();
    assertThat(before.getJsonArray("bookings")).extracting(o -> ((JsonObject) o).getString("state"))
        .containsOnly("expected");
    HttpResponse<Buffer> first = add(server, "slot");
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.bodyAsJsonObject().getJsonObject("slot").getString("local")).isEqualTo("09:20");
    assertThat(first.bodyAsJsonObject().getString("kind")).isEqualTo("slot");
    server.close();

    // Restarted a moment after 09:15 (start + grace): the two places of 09:00 are free again.
    server = TestServer.start(vertx, dir, NINE.plusSeconds(15 * 60 + 1));
    JsonObject after = slot(server, "09:00");
    assertThat(after.getJsonArray("bookings")).extracting(o -> ((JsonObject) o).getString("state"))
        .containsOnly("released");
    assertThat(after.getInteger("free")).isEqualTo(2);
    HttpResponse<Buffer> second = add(server, "slot");
    assertThat(second.bodyAsJsonObject().getJsonObject("slot").getString("local")).isEqualTo("09:00");
    assertThat(second.bodyAsJsonObject().getString("ticket")).isEqualTo("P002");
    assertThat(slot(server, "09:00").getInteger("free")).isEqualTo(1);
    server.close();
  }

  @Test
  void staff_close_and_reopen_slots_and_a_visitor_can_join_the_walk_in_queue_instead(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, NINE)) {
      HttpResponse<Buffer> closed = server.post("agent", "/api/pan/pan/slots/09:00/close", null);
      assertThat(closed.statusCode()).isEqualTo(200);
      assertThat(closed.bodyAsJsonObject().getBoolean("open")).isFalse();
      assertThat(closed.bodyAsJsonObject().getInteger("free")).isZero();
      assertThat(add(server, "slot").bodyAsJsonObject().getJsonObject("slot").getString("local")).isEqualTo("09:20");
      assertThat(server.post("agent", "/api/pan/pan/slots/09:00/open", null).bodyAsJsonObject()
          .getInteger("free")).isEqualTo(2);

      HttpResponse<Buffer> walkIn = add(server, "queue");
      assertThat(walkIn.statusCode()).isEqualTo(201);
      assertThat(walkIn.bodyAsJsonObject().getString("kind")).isEqualTo("walk-in");
      assertThat(walkIn.bodyAsJsonObject().containsKey("slot")).isFalse();
      assertThat(server.get("agent", "/api/queues/pan").bodyAsJsonObject().getJsonArray("waiting")).hasSize(2);

      assertError(server.post("agent", "/api/pan/pan/slots/09:05/close", null), 404, "unknown_slot");
      assertError(server.post("agent", "/api/pan/pan/slots/neuf/close", null), 400, "invalid_slot");
      assertError(server.post("agent", "/api/pan/titres/visitors", new JsonObject()), 404, "not_a_pan");
      assertError(add(server, "ailleurs"), 400, "invalid_field");
      assertThat(server.get("agent", "/api/queues/pan").bodyAsJsonObject().getJsonArray("waiting")).hasSize(2);
    }
  }

  @Test
  void no_free_slot_left_answers_409_and_issues_nothing(Vertx vertx) {
    try (TestServer server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T13:50:00Z"))) {
      // 15:50: the last slot of the day (15:40-16:00) has two places, then nothing is left.
      assertThat(add(server, "slot").bodyAsJsonObject().getJsonObject("slot").getString("local")).isEqualTo("15:40");
      assertThat(add(server, "slot").statusCode()).isEqualTo(201);
      assertError(add(server, "slot"), 409, "no_free_slot");
      assertThat(server.get("agent", "/api/queues/pan").bodyAsJsonObject().getJsonArray("waiting")).hasSize(2);
    }
  }
}
