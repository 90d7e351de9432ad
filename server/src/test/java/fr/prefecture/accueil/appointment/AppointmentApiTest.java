package fr.prefecture.accueil.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Appointments and invitations over HTTP; the tests share one server, each booking a day of its own. */
class AppointmentApiTest {
  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.at(Instant.parse("2026-03-28T08:00:00Z"));
  final TestServer server = SERVER.get();

  static JsonObject appointment(String service, String start, String name, String reference) {
    JsonObject o = new JsonObject().put("service", service).put("start", start)
        .put("visitor", new JsonObject().put("name", name));
    return reference == null ? o : o.put("reference", reference);
  }

  @Test
  void creates_one_and_lists_it_by_day_and_service() {
    HttpResponse<Buffer> created = server.post("manager", "/api/appointments",
        appointment("titres", "2026-03-30T09:00", "Jean Dupont", "RDV-1").put("durationMinutes", 25));
    assertThat(created.statusCode()).isEqualTo(201);
    long id = created.bodyAsJsonObject().getLong("id");

    JsonArray day = server.get("agent", "/api/appointments?date=2026-03-30&service=titres").bodyAsJsonArray();
    assertThat(day).hasSize(1);
    JsonObject a = day.getJsonObject(0);
    assertThat(a.getLong("id")).isEqualTo(id);
    assertThat(a.getString("start")).isEqualTo("2026-03-30T09:00+02:00");
    assertThat(a.getInteger("durationMinutes")).isEqualTo(25);
    assertThat(a.getString("status")).isEqualTo("booked");
    assertThat(server.get("agent", "/api/appointments?date=2026-03-30&service=etrangers").bodyAsJsonArray()).isEmpty();
  }

  @Test
  void a_batch_is_atomic_and_a_known_reference_is_not_duplicated() {
    JsonArray batch = new JsonArray()
        .add(appointment("titres", "2026-03-31T09:00", "A", "R-1"))
        .add(appointment("etrangers", "2026-03-31T09:20+02:00", "B", "R-2"));
    HttpResponse<Buffer> first = server.post("manager", "/api/appointments", batch);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.bodyAsJsonObject().getJsonArray("ids")).hasSize(2);

    HttpResponse<Buffer> again = server.post("manager", "/api/appointments", batch);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.bodyAsJsonObject().getJsonArray("ids")).isEqualTo(first.bodyAsJsonObject().getJsonArray("ids"));
    assertThat(again.bodyAsJsonObject().getInteger("unchanged")).isEqualTo(2);

    JsonArray bad = new JsonArray().add(appointment("titres", "2026-03-31T10:00", "C", "R-3"))
        .add(appointment("nowhere", "2026-03-31T10:00", "D", "R-4"));
    HttpResponse<Buffer> rejected = server.post("manager", "/api/appointments", bad);
    assertThat(rejected.statusCode()).isEqualTo(400);
    assertThat(rejected.bodyAsJsonObject().getString("message")).contains("[1]");
    assertThat(server.get("manager", "/api/appointments?date=2026-03-31").bodyAsJsonArray()).hasSize(2);
  }

  @Test
  void a_batch_mixing_known_and_new_references_answers_the_ids_in_the_order_of_the_rows() {
    long known = server.post("manager", "/api/appointments", appointment("titres", "2026-04-01T09:00", "Known", "K-1"))
        .bodyAsJsonObject().getLong("id");
    JsonArray batch = new JsonArray()
        .add(appointment("titres", "2026-04-01T10:00", "New", "K-2"))
        .add(appointment("titres", "2026-04-01T09:00", "Known", "K-1"));
    JsonArray ids = server.post("manager", "/api/appointments", batch).bodyAsJsonObject().getJsonArray("ids");
    assertThat(ids.getLong(1)).isEqualTo(known);
    assertThat(server.get("manager", "/api/appointments/" + ids.getLong(0)).bodyAsJsonObject().getString("reference"))
        .isEqualTo("K-2");
  }

  @Test
  void cancelling_marks_the_appointment_and_is_idempotent() {
    long id = server.post("manager", "/api/appointments", appointment("titres", "2026-04-02T09:00", "A", null))
        .bodyAsJsonObject().getLong("id");
    HttpResponse<Buffer> cancelled = server.post("manager", "/api/appointments/" + id + "/cancel", null);
    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(cancelled.bodyAsJsonObject().getString("status")).isEqualTo("cancelled");
    assertThat(server.post("manager", "/api/appointments/" + id + "/cancel", null).statusCode()).isEqualTo(200);
    assertThat(server.post("manager", "/api/appointments/9999/cancel", null).statusCode()).isEqualTo(404);
    assertThat(server.post("agent", "/api/appointments/" + id + "/cancel", null).statusCode()).isEqualTo(403);
    assertThat(server.get("admin", "/api/audit?from=2026-03-28").bodyAsJsonArray())
        .extracting(o -> ((JsonObject) o).getString("action") + " " + ((JsonObject) o).getString("target"))
        .containsOnlyOnce("appointment.cancelled " + id);
  }

  @Test
  void summer_time_start_refuses_the_missing_hour_and_keeps_instants_right() {
    HttpResponse<Buffer> gap = server.post("manager", "/api/appointments",
        appointment("titres", "2026-03-29T02:30", "A", null));
    assertThat(gap.statusCode()).isEqualTo(400);
    assertThat(gap.bodyAsJsonObject().getString("error")).isEqualTo("nonexistent_time");

    server.post("manager", "/api/appointments", appointment("titres", "2026-03-29T01:30", "Before", null));
    server.post("manager", "/api/appointments", appointment("titres", "2026-03-29T03:30", "After", null));
    JsonArray day = server.get("manager", "/api/appointments?date=2026-03-29").bodyAsJsonArray();
    assertThat(day).extracting(o -> ((JsonObject) o).getString("start"))
        .containsExactly("2026-03-29T01:30+01:00", "2026-03-29T03:30+02:00");
  }

  @Test
  void winter_time_day_lists_appointments_on_their_local_day() {
    server.post("manager", "/api/appointments", appointment("titres", "2026-10-25T00:30", "Early", null));
    server.post("manager", "/api/appointments", appointment("titres", "2026-10-25T23:30", "Late", null));
    server.post("manager", "/api/appointments", appointment("titres", "2026-10-24T23:59", "Day before", null));
    JsonArray day = server.get("manager", "/api/appointments?date=2026-10-25").bodyAsJsonArray();
    assertThat(day).extracting(o -> ((JsonObject) o).getString("start"))
        .containsExactly("2026-10-25T00:30+02:00", "2026-10-25T23:30+01:00");
  }

  @Test
  void invitations_are_kept_alongside_appointments() {
    HttpResponse<Buffer> created = server.post("manager", "/api/invitations", new JsonObject()
        .put("event", "Comité des usagers").put("start", "2026-03-30T14:00").put("end", "2026-03-30T16:00")
        .put("location", "salle-comite").put("guest", new JsonObject().put("name", "Marie Curie")));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonArray day = server.get("agent", "/api/invitations?date=2026-03-30").bodyAsJsonArray();
    assertThat(day).hasSize(1);
    assertThat(day.getJsonObject(0).getString("end")).isEqualTo("2026-03-30T16:00+02:00");
    HttpResponse<Buffer> backwards = server.post("manager", "/api/invitations", new JsonObject()
        .put("event", "X").put("start", "2026-03-30T14:00").put("end", "2026-03-30T13:00")
        .put("guest", new JsonObject().put("name", "Y")));
    assertThat(backwards.statusCode()).isEqualTo(400);
  }
}
