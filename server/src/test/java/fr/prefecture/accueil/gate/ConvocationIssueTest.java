package fr.prefecture.accueil.gate;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Convocations are issued when an appointment or an invitation is stored (created, imported, moved), read by
 * managers and admins only, and a read writes nothing (issue 12, point 5).
 */
class ConvocationIssueTest {
  static final Instant NINE = Instant.parse("2026-03-30T07:00:00Z");
  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.at(NINE);
  final TestServer server = SERVER.get();
  final GateClient gate = new GateClient(server);

  @Test
  void guards_and_agents_get_a_403_on_every_convocation_route_and_managers_and_admins_read_it() {
    long id = gate.book("titres", "2026-03-30T09:10", "Odile Garde");
    long invitation = invite("Comité des usagers", "Paul Invité");
    List<String> routes = List.of("/api/appointments/" + id + "/convocation",
        "/api/appointments/" + id + "/convocation.png", "/convocations/" + id,
        "/api/invitations/" + invitation + "/convocation", "/api/invitations/" + invitation + "/convocation.png",
        "/convocations/invitations/" + invitation);
    for (String route : routes) {
      for (String role : List.of("guard", "agent")) {
        assertThat(get(role, route).statusCode()).as(role + " " + route).isEqualTo(403);
      }
      for (String role : List.of("manager", "admin")) {
        assertThat(get(role, route).statusCode()).as(role + " " + route).isEqualTo(200);
      }
    }
    JsonObject forbidden = get("guard", routes.get(0)).bodyAsJsonObject();
    assertThat(forbidden.getString("error")).isEqualTo("forbidden");
    assertThat(forbidden.encode()).doesNotContain("Odile").doesNotContain("code\"");
  }

  @Test
  void creating_an_appointment_or_an_invitation_issues_its_convocation_at_once() throws SQLException {
    long id = gate.book("titres", "2026-03-30T09:20", "Aline Immédiate");
    long invitation = invite("Réunion des partenaires", "Bruno Immédiat");
    List<String> stored = codes("appointment", id);
    assertThat(stored).hasSize(1);
    assertThat(codes("invitation", invitation)).hasSize(1);
    assertThat(gate.code(id)).isEqualTo(stored.get(0));
    assertThat(gate.scan(stored.get(0), "in").getString("reason")).isEqualTo("ok");
  }

  @Test
  void reads_never_write_the_same_code_comes_back_and_the_table_is_unchanged() throws SQLException {
    long id = gate.book("titres", "2026-03-30T09:30", "Carla Lecture");
    List<String> before = allCodes();
    String first = gate.code(id);
    for (int i = 0; i < 5; i++) {
      assertThat(gate.code(id)).isEqualTo(first);
      assertThat(get("manager", "/api/appointments/" + id + "/convocation.png").statusCode()).isEqualTo(200);
      assertThat(get("admin", "/convocations/" + id).statusCode()).isEqualTo(200);
      assertThat(get("guard", "/api/appointments/" + id + "/convocation").statusCode()).isEqualTo(403);
    }
    assertThat(allCodes()).isEqualTo(before);
  }

  @Test
  void a_csv_import_issues_a_convocation_for_each_row() throws SQLException {
    String csv = "reference;service;date;heure;nom\n"
        + "CSV-CONV-1;titres;30/03/2026;11:00;Denis Import\n"
        + "CSV-CONV-2;etrangers;30/03/2026;11:15;Eva Import\n";
    HttpResponse<Buffer> imported = server.request(HttpMethod.POST, "/api/appointments/import",
        server.token("manager")).putHeader("Content-Type", "text/csv").sendBuffer(Buffer.buffer(csv)).await();
    assertThat(imported.statusCode()).as(imported.bodyAsString()).isEqualTo(200);
    assertThat(imported.bodyAsJsonObject().getInteger("imported")).isEqualTo(2);
    JsonArray day = server.get("manager", "/api/appointments?date=2026-03-30").bodyAsJsonArray();
    List<Long> ids = new ArrayList<>();
    day.stream().map(JsonObject.class::cast)
        .filter(a -> String.valueOf(a.getString("reference")).startsWith("CSV-CONV-"))
        .forEach(a -> ids.add(a.getLong("id")));
    assertThat(ids).hasSize(2);
    for (long id : ids) {
      assertThat(codes("appointment", id)).hasSize(1);
    }
  }

  @Test
  void moving_an_appointment_reissues_its_convocation_and_moving_it_back_gives_the_first_code_again()
      throws SQLException {
    long id = book("MOVE-1", "2026-03-30T09:40");
    String first = gate.code(id);
    assertThat(book("MOVE-1", "2026-03-30T10:40")).isEqualTo(id);
    String moved = gate.code(id);
    assertThat(moved).isNotEqualTo(first);
    assertThat(codes("appointment", id)).containsExactly(first, moved);
    assertThat(book("MOVE-1", "2026-03-30T09:40")).isEqualTo(id);
    assertThat(gate.code(id)).isEqualTo(first);
    // Unchanged: nothing new is issued.
    assertThat(book("MOVE-1", "2026-03-30T09:40")).isEqualTo(id);
    assertThat(codes("appointment", id)).containsExactly(first, moved);
  }

  @Test
  void a_stored_appointment_without_a_convocation_answers_404_until_a_manager_issues_it() throws SQLException {
    long id = gate.book("titres", "2026-03-30T09:50", "Fanny Ancienne");
    deleteConvocations(id);
    String uri = "/api/appointments/" + id + "/convocation";
    HttpResponse<Buffer> missing = get("manager", uri);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.bodyAsJsonObject().getString("error")).isEqualTo("no_convocation");
    assertThat(get("manager", "/convocations/" + id).statusCode()).isEqualTo(404);
    assertThat(codes("appointment", id)).isEmpty();

    assertThat(server.post("guard", uri, null).statusCode()).isEqualTo(403);
    assertThat(server.post("agent", uri, null).statusCode()).isEqualTo(403);
    HttpResponse<Buffer> issued = server.post("manager", uri, null);
    assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(201);
    assertThat(codes("appointment", id)).containsExactly(issued.bodyAsJsonObject().getString("code"));
    assertThat(gate.code(id)).isEqualTo(issued.bodyAsJsonObject().getString("code"));
    HttpResponse<Buffer> again = server.post("manager", uri, null);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(codes("appointment", id)).hasSize(1);
    assertThat(server.post("manager", "/api/appointments/999999/convocation", null).statusCode()).isEqualTo(404);
    assertThat(server.get("admin", "/api/audit").bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(e -> "convocation.issued".equals(e.getString("action")))).hasSize(1);
  }

  @Test
  void posting_an_unchanged_appointment_again_issues_the_convocation_it_lacked() throws SQLException {
    long id = book("OLD-1", "2026-03-30T12:00");
    String first = gate.code(id);
    deleteConvocations(id);
    assertThat(get("manager", "/api/appointments/" + id + "/convocation").statusCode()).isEqualTo(404);
    assertThat(book("OLD-1", "2026-03-30T12:00")).isEqualTo(id);
    assertThat(codes("appointment", id)).containsExactly(first);
  }

  private void deleteConvocations(long id) throws SQLException {
    try (Connection c = store();
        PreparedStatement delete = c.prepareStatement(
            "DELETE FROM convocations WHERE kind = 'appointment' AND convocation_id = ?")) {
      delete.setLong(1, id);
      assertThat(delete.executeUpdate()).isEqualTo(1);
    }
  }

  private long book(String reference, String start) {
    HttpResponse<Buffer> saved = server.post("manager", "/api/appointments", new JsonObject().put("service", "titres")
        .put("start", start).put("reference", reference)
        .put("visitor", new JsonObject().put("name", "Gilles Déplacé")));
    assertThat(saved.statusCode()).as(saved.bodyAsString()).isIn(200, 201);
    return saved.bodyAsJsonObject().getLong("id");
  }

  private long invite(String event, String guest) {
    HttpResponse<Buffer> created = server.post("manager", "/api/invitations", new JsonObject().put("event", event)
        .put("start", "2026-03-30T14:00").put("end", "2026-03-30T16:00").put("location", "Salle du conseil")
        .put("guest", new JsonObject().put("name", guest)));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    return created.bodyAsJsonObject().getLong("id");
  }

  private HttpResponse<Buffer> get(String role, String uri) {
    return server.request(HttpMethod.GET, uri, server.token(role)).send().await();
  }

  private Connection store() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + server.dataDir.resolve("accueil.db"));
  }

  /** The codes stored for one appointment or invitation, in the order they were issued. */
  private List<String> codes(String kind, long id) throws SQLException {
    try (Connection c = store();
        PreparedStatement q = c.prepareStatement(
            "SELECT code FROM convocations WHERE kind = ? AND convocation_id = ? ORDER BY id")) {
      q.setString(1, kind);
      q.setLong(2, id);
      return list(q);
    }
  }

  /** Every stored row, with its issue instant: a read that rewrote a row would show here. */
  private List<String> allCodes() throws SQLException {
    try (Connection c = store();
        PreparedStatement q = c.prepareStatement(
            "SELECT id || ' ' || kind || ' ' || convocation_id || ' ' || code || ' ' || manual_code || ' ' || issued_at"
                + " FROM convocations ORDER BY id")) {
      return list(q);
    }
  }

  private static List<String> list(PreparedStatement q) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rows = q.executeQuery()) {
      while (rows.next()) {
        out.add(rows.getString(1));
      }
    }
    return out;
  }
}
