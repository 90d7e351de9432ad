package fr.prefecture.accueil.queue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.events.Events;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Queues and counters over HTTP, on the real server and a real SQLite file. */
@ExtendWith(VertxExtension.class)
class QueueApiTest {
  /** Monday 30 March 2026, 09:00 in Paris. */
  static final Instant NINE = Instant.parse("2026-03-30T07:00:00Z");

  @TempDir
  Path dir;
  Vertx vertx;
  TestServer server;
  Pool db;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    server = TestServer.start(vertx, dir, NINE);
    db = Database.open(vertx, dir.resolve("accueil.db"));
  }

  @AfterEach
  void stop() {
    db.close().await();
    if (server != null) {
      server.close();
    }
  }

  long appointment(String service, String start, String name) {
    HttpResponse<Buffer> r = server.post("manager", "/api/appointments", new JsonObject().put("service", service)
        .put("start", start).put("visitor", new JsonObject().put("name", name)));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject().getLong("id");
  }

  /** What the gate does on admission (the gate is built elsewhere): sets arrived_at. */
  void arrive(long appointmentId, Instant at) {
    db.preparedQuery("UPDATE appointments SET arrived_at = ? WHERE id = ?")
        .execute(Tuple.of(at.toEpochMilli(), appointmentId)).await();
  }

  JsonObject walkIn(String service) {
    HttpResponse<Buffer> r = server.post("agent", "/api/queues/" + service + "/tickets", null);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject();
  }

  JsonObject call(String counter) {
    HttpResponse<Buffer> r = server.post("agent", "/api/counters/" + counter + "/call", null);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  HttpResponse<Buffer> act(long ticketId, String action, JsonObject body) {
    return server.post("agent", "/api/tickets/" + ticketId + "/" + action, body);
  }

  List<String> waitingNumbers(String service) {
    JsonArray waiting = server.get("agent", "/api/queues/" + service).bodyAsJsonObject().getJsonArray("waiting");
    List<String> out = new ArrayList<>();
    waiting.forEach(o -> out.add(((JsonObject) o).getString("ticket")));
    return out;
  }

  List<Row> rows(String sql, Object... params) {
    List<Row> out = new ArrayList<>();
    db.preparedQuery(sql).execute(Tuple.from(params)).await().forEach(out::add);
    return out;
  }

  @Test
  void walk_in_tickets_are_numbered_per_service_with_the_service_prefix() {
    assertThat(walkIn("titres").getString("ticket")).isEqualTo("T001");
    assertThat(walkIn("titres").getString("ticket")).isEqualTo("T002");
    JsonObject e = walkIn("etrangers");
    assertThat(e.getString("ticket")).isEqualTo("E001");
    assertThat(e.getLong("id")).isPositive();
    assertThat(e.getString("kind")).isEqualTo("walk-in");
    assertThat(waitingNumbers("titres")).containsExactly("T001", "T002");
  }

  @Test
  void arrived_appointments_come_first_by_appointment_time_then_walk_ins_first_come_first_served() {
    JsonObject w1 = walkIn("titres");
    long at10 = appointment("titres", "2026-03-30T10:00", "Dix Heures");
    long at0930 = appointment("titres", "2026-03-30T09:30", "Neuf Heures Trente");
    long notArrived = appointment("titres", "2026-03-30T09:15", "Pas Venu");
    arrive(at10, NINE.minusSeconds(600));
    arrive(at0930, NINE.minusSeconds(60));
    JsonObject w2 = walkIn("titres");

    JsonObject queue = server.get("agent", "/api/queues/titres").bodyAsJsonObject();
    assertThat(queue.getString("rule")).isEqualTo("appointments-first");
    JsonArray waiting = queue.getJsonArray("waiting");
    assertThat(waiting).extracting(o -> ((JsonObject) o).getString("visitor"))
        .containsExactly("Neuf Heures Trente", "Dix Heures", null, null);
    assertThat(waiting.getJsonObject(2).getString("ticket")).isEqualTo(w1.getString("ticket"));

    assertThat(call("T1").getLong("appointmentId")).isEqualTo(at0930);
    act(server.get("agent", "/api/counters/T1").bodyAsJsonObject().getJsonObject("current").getLong("id"),
        "served", null);
    assertThat(call("T2").getLong("appointmentId")).isEqualTo(at10);
    assertThat(call("T3").getLong("id")).isEqualTo(w1.getLong("id"));
    assertThat(waitingNumbers("titres")).containsExactly(w2.getString("ticket"));
    assertThat(rows("SELECT 1 FROM tickets WHERE appointment_id = ?", notArrived)).isEmpty();
    assertThat(rows("SELECT at FROM ticket_events WHERE type = 'arrival' AND ticket_id IN "
        + "(SELECT id FROM tickets WHERE appointment_id = ?)", at10).get(0).getLong("at"))
        .isEqualTo(NINE.minusSeconds(600).toEpochMilli());
  }

  @Test
  void calling_with_nobody_waiting_answers_204_and_records_nothing() {
    assertThat(server.post("agent", "/api/counters/E1/call", null).statusCode()).isEqualTo(204);
    assertThat(rows("SELECT * FROM calls")).isEmpty();
  }

  @Test
  void concurrent_calls_from_several_counters_never_get_the_same_visitor() {
    int tickets = 24;
    for (int i = 0; i < tickets; i++) {
      walkIn("etrangers");
    }
    List<String> counters = List.of("E1", "E2", "E3", "E4");
    String token = server.token("agent");
    Set<Long> called = new HashSet<>();
    List<Long> calledInOrder = new ArrayList<>();
    while (called.size() < tickets) {
      // Each counter sends three calls at once: exactly one per counter may succeed (it is then busy).
      List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        for (String c : counters) {
          sent.add(server.request(HttpMethod.POST, "/api/counters/" + c + "/call", token).send());
        }
      }
      Future.all(sent).await();
      List<JsonObject> ok = new ArrayList<>();
      for (Future<HttpResponse<Buffer>> f : sent) {
        HttpResponse<Buffer> r = f.result();
        assertThat(r.statusCode()).as(r.bodyAsString()).isIn(200, 204, 409);
        if (r.statusCode() == 200) {
          ok.add(r.bodyAsJsonObject());
        }
      }
      assertThat(ok).extracting(o -> o.getString("counter")).doesNotHaveDuplicates();
      for (JsonObject t : ok) {
        calledInOrder.add(t.getLong("id"));
        assertThat(called.add(t.getLong("id"))).as("ticket %s called twice", t.getString("ticket")).isTrue();
        assertThat(act(t.getLong("id"), "served", null).statusCode()).isEqualTo(200);
      }
      assertThat(ok).isNotEmpty();
    }
    assertThat(calledInOrder).doesNotHaveDuplicates().hasSize(tickets);
    assertThat(rows("SELECT COUNT(*) AS n FROM calls WHERE kind = 'call'").get(0).getInteger("n")).isEqualTo(tickets);
    assertThat(server.post("agent", "/api/counters/E1/call", null).statusCode()).isEqualTo(204);
  }

  @Test
  void a_counter_can_call_a_given_ticket_out_of_turn() {
    JsonObject first = walkIn("vehicules");
    JsonObject second = walkIn("vehicules");
    JsonObject third = walkIn("vehicules");
    HttpResponse<Buffer> r = server.post("agent", "/api/counters/V1/call/" + third.getLong("id"), null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getString("ticket")).isEqualTo(third.getString("ticket"));
    assertThat(r.bodyAsJsonObject().getString("counter")).isEqualTo("V1");
    assertThat(waitingNumbers("vehicules")).containsExactly(first.getString("ticket"), second.getString("ticket"));
    assertThat(call("V2").getString("ticket")).isEqualTo(first.getString("ticket"));

    HttpResponse<Buffer> again = server.post("agent", "/api/counters/V2/call/" + third.getLong("id"), null);
    assertThat(again.statusCode()).isEqualTo(409);
    HttpResponse<Buffer> otherService = server.post("agent", "/api/counters/E1/call/" + second.getLong("id"), null);
    assertThat(otherService.statusCode()).isEqualTo(409);
    assertThat(otherService.bodyAsJsonObject().getString("error")).isEqualTo("other_service");
    assertThat(waitingNumbers("vehicules")).containsExactly(second.getString("ticket"));
  }

  @Test
  void a_call_is_published_for_the_screens_and_stored_in_calls() {
    walkIn("titres");
    Promise<JsonObject> published = Promise.promise();
    vertx.eventBus().<JsonObject>consumer(Events.CALLS, m -> published.tryComplete(m.body()));
    JsonObject t = call("T2");
    JsonObject message = published.future().timeout(5, TimeUnit.SECONDS).await();
    assertThat(message.getLong("ticketId")).isEqualTo(t.getLong("id"));
    assertThat(message.getString("ticket")).isEqualTo("T001");
    assertThat(message.getString("service")).isEqualTo("titres");
    assertThat(message.getString("counter")).isEqualTo("T2");
    assertThat(message.getString("kind")).isEqualTo("call");
    assertThat(Instant.parse(message.getString("at"))).isAfterOrEqualTo(NINE);
    Row row = rows("SELECT * FROM calls").get(0);
    assertThat(row.getString("ticket")).isEqualTo("T001");
    assertThat(row.getString("counter")).isEqualTo("T2");
    assertThat(row.getString("local_date")).isEqualTo("2026-03-30");
    assertThat(row.getLong("at")).isEqualTo(Instant.parse(message.getString("at")).toEpochMilli());
  }

  @Test
  void a_transfer_sends_the_visitor_to_the_other_service_and_tells_the_screens_where() {
    JsonObject t = walkIn("titres");
    walkIn("etrangers");
    call("T1");
    List<JsonObject> messages = new ArrayList<>();
    Promise<Void> transferSeen = Promise.promise();
    vertx.eventBus().<JsonObject>consumer(Events.CALLS, m -> {
      messages.add(m.body());
      if ("transfer".equals(m.body().getString("kind"))) {
        transferSeen.tryComplete();
      }
    });
    HttpResponse<Buffer> moved = act(t.getLong("id"), "transfer", new JsonObject().put("service", "etrangers"));
    assertThat(moved.statusCode()).as(moved.bodyAsString()).isEqualTo(200);
    assertThat(moved.bodyAsJsonObject().getString("service")).isEqualTo("etrangers");
    assertThat(moved.bodyAsJsonObject().getString("status")).isEqualTo("waiting");
    transferSeen.future().timeout(5, TimeUnit.SECONDS).await();
    JsonObject message = messages.stream().filter(m -> "transfer".equals(m.getString("kind"))).findFirst()
        .orElseThrow();
    assertThat(message.getString("service")).isEqualTo("titres");
    assertThat(message.getString("counter")).isEqualTo("T1");
    JsonObject to = message.getJsonObject("transferTo");
    assertThat(to.getString("service")).isEqualTo("etrangers");
    assertThat(to.getJsonObject("name").getString("fr")).isEqualTo("Accueil des étrangers");
    assertThat(to.getString("building")).isEqualTo("A");
    assertThat(to.getInteger("floor")).isEqualTo(1);
    assertThat(to.getJsonObject("room").getString("en")).isEqualTo("Room 12");
    assertThat(new JsonObject(rows("SELECT transfer_to FROM calls WHERE kind = 'transfer'").get(0)
        .getString("transfer_to")).getString("service")).isEqualTo("etrangers");

    // The transferred visitor has waited once already: called first at the new service, same number.
    assertThat(waitingNumbers("etrangers")).containsExactly("T001", "E001");
    assertThat(waitingNumbers("titres")).isEmpty();
    assertThat(call("E3").getString("ticket")).isEqualTo("T001");
    assertThat(rows("SELECT type FROM ticket_events WHERE ticket_id = ? ORDER BY id", t.getLong("id")))
        .extracting(r -> r.getString("type")).containsExactly("issued", "call", "transfer", "call");
  }

  @Test
  void bad_input_gets_a_clear_4xx_and_changes_nothing() {
    JsonObject t = walkIn("titres");
    assertError(server.post("agent", "/api/queues/nowhere/tickets", null), 404, "unknown_service");
    assertError(server.get("agent", "/api/queues/nowhere"), 404, "unknown_service");
    assertError(server.post("agent", "/api/counters/Z9/call", null), 404, "unknown_counter");
    assertError(act(t.getLong("id"), "served", null), 409, "not_called");
    assertError(act(t.getLong("id"), "transfer", new JsonObject().put("service", "titres")), 400, "same_service");
    assertError(act(t.getLong("id"), "transfer", new JsonObject().put("service", "nowhere")), 400, "unknown_service");
    assertError(act(t.getLong("id"), "transfer", new JsonObject()), 400, "missing_field");
    assertError(act(424242, "served", null), 404, "not_found");
    assertError(act(t.getLong("id"), "recall", null), 409, "not_called");

    call("T1");
    walkIn("titres");
    assertError(server.post("agent", "/api/counters/T1/call", null), 409, "counter_busy");
    assertError(act(t.getLong("id"), "absent", null), 409, "too_few_calls");
    assertThat(act(t.getLong("id"), "served", null).statusCode()).isEqualTo(200);
    assertError(act(t.getLong("id"), "served", null), 409, "ticket_finished");
    assertError(act(t.getLong("id"), "transfer", new JsonObject().put("service", "etrangers")), 409, "ticket_finished");
    assertError(act(t.getLong("id"), "absent", null), 409, "ticket_finished");

    assertThat(rows("SELECT type FROM ticket_events WHERE ticket_id = ? ORDER BY id", t.getLong("id")))
        .extracting(r -> r.getString("type")).containsExactly("issued", "call", "served");
    assertThat(rows("SELECT status FROM tickets WHERE id = ?", t.getLong("id")).get(0).getString("status"))
        .isEqualTo("served");
  }

  @Test
  void a_called_visitor_who_does_not_come_is_marked_absent_after_the_configured_calls() {
    JsonObject t = walkIn("titres");
    call("T1");
    assertError(act(t.getLong("id"), "absent", null), 409, "too_few_calls");
    HttpResponse<Buffer> recalled = act(t.getLong("id"), "recall", null);
    assertThat(recalled.bodyAsJsonObject().getInteger("calls")).isEqualTo(2);
    assertThat(recalled.bodyAsJsonObject().getBoolean("mayMarkAbsent")).isTrue();
    HttpResponse<Buffer> absent = act(t.getLong("id"), "absent", null);
    assertThat(absent.statusCode()).isEqualTo(200);
    assertThat(absent.bodyAsJsonObject().getString("status")).isEqualTo("absent");
    List<Row> events = rows("SELECT type, at, counter, staff FROM ticket_events WHERE ticket_id = ? ORDER BY id",
        t.getLong("id"));
    assertThat(events).extracting(r -> r.getString("type")).containsExactly("issued", "call", "recall", "absent");
    assertThat(events).allSatisfy(r -> assertThat(r.getLong("at")).isGreaterThanOrEqualTo(NINE.toEpochMilli()));
    assertThat(events.get(3).getString("counter")).isEqualTo("T1");
    assertThat(events.get(3).getString("staff")).isEqualTo("token:test-agent");
    assertThat(rows("SELECT kind FROM calls ORDER BY id")).extracting(r -> r.getString("kind"))
        .containsExactly("call", "recall");
    assertThat(server.get("agent", "/api/queues/titres").bodyAsJsonObject().getInteger("absent")).isEqualTo(1);
  }

  @Test
  void the_queue_survives_a_restart_in_the_middle_of_the_day_and_numbers_restart_the_next_day() {
    walkIn("titres");
    walkIn("titres");
    long a = appointment("titres", "2026-03-30T09:30", "Avant Redémarrage");
    arrive(a, NINE);
    JsonObject called = call("T3");
    server.close();
    server = TestServer.start(vertx, dir, NINE.plusSeconds(3600));

    JsonObject counter = server.get("agent", "/api/counters/T3").bodyAsJsonObject();
    assertThat(counter.getJsonObject("current").getString("ticket")).isEqualTo(called.getString("ticket"));
    assertThat(waitingNumbers("titres")).containsExactly("T001", "T002");
    assertThat(walkIn("titres").getString("ticket")).isEqualTo("T004");

    server.close();
    server = TestServer.start(vertx, dir, NINE.plusSeconds(24 * 3600));
    assertThat(waitingNumbers("titres")).isEmpty();
    assertThat(walkIn("titres").getString("ticket")).isEqualTo("T001");
  }

  static void assertError(HttpResponse<Buffer> r, int status, String code) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.bodyAsJsonObject().getString("error")).as(r.bodyAsString()).isEqualTo(code);
    assertThat(r.bodyAsJsonObject().getString("message")).isNotBlank();
  }
}
