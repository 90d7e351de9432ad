package fr.prefecture.accueil.screen;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.Eventually;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Notices, alerts (JSON and CAP 1.2), transparency figures and service states over HTTP. */
@ExtendWith(VertxExtension.class)
class ScreenApiTest {
  static final Instant NOW = Instant.parse("2026-03-30T08:00:00Z");

  @TempDir
  Path dir;
  TestServer server;

  @BeforeEach
  void start(Vertx vertx) {
    server = TestServer.startWithOpenScreens(vertx, dir, NOW);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<Buffer> cap(String xml) {
    return server.postBytes("manager", "/api/alerts", "application/cap+xml", xml.getBytes(StandardCharsets.UTF_8));
  }

  static String cap(String identifier, String status, String msgType, String references, String infos) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>%s</identifier><sender>prefecture@interieur.gouv.fr</sender>
          <sent>2026-03-30T10:00:00+02:00</sent><status>%s</status><msgType>%s</msgType><scope>Public</scope>
          %s
          %s
        </alert>""".formatted(identifier, status, msgType, references, infos);
  }

  static String info(String language, String headline, String description, String area, String expires) {
    return """
        <info><language>%s</language><category>Safety</category><event>Incendie</event>
          <urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty>
          %s<headline>%s</headline><description>%s</description>
          <area><areaDesc>%s</areaDesc></area></info>""".formatted(language,
        expires == null ? "" : "<expires>" + expires + "</expires>", headline, description, area);
  }

  @Test
  void a_notice_is_created_listed_and_deleted_and_its_text_stays_plain_text() {
    HttpResponse<Buffer> created = server.post("manager", "/api/notices", new JsonObject()
        .put("fr", "<b>Fermé</b> à 15 h").put("en", "Closed at 3 pm").put("from", "2026-03-30T09:00")
        .put("to", "2026-03-30T18:00").put("zones", new JsonArray().add("hall-a")).put("priority", "high"));
    assertThat(created.statusCode()).isEqualTo(201);
    long id = created.bodyAsJsonObject().getLong("id");

    JsonArray list = server.get("manager", "/api/notices").bodyAsJsonArray();
    assertThat(list).hasSize(1);
    assertThat(list.getJsonObject(0).getString("from")).isEqualTo("2026-03-30T09:00+02:00");
    assertThat(list.getJsonObject(0).getString("priority")).isEqualTo("high");
    assertThat(list.getJsonObject(0).getString("createdBy")).contains("test-manager");

    String page = server.client.get("/screens/hall-a-entree").send().await().bodyAsString();
    assertThat(page).contains("&lt;b&gt;Fermé&lt;/b&gt; à 15 h").doesNotContain("<b>Fermé</b>");
    assertThat(server.client.get("/screens/annexe-b").send().await().bodyAsString()).doesNotContain("Fermé");

    assertThat(server.as("manager", HttpMethod.DELETE, "/api/notices/" + id, null).statusCode()).isEqualTo(200);
    assertThat(server.as("manager", HttpMethod.DELETE, "/api/notices/" + id, null).statusCode()).isEqualTo(404);
    assertThat(server.get("manager", "/api/notices").bodyAsJsonArray()).isEmpty();
    assertThat(
        server.get("admin", "/api/audit").bodyAsJsonArray().stream().map(o -> ((JsonObject) o).getString("action")))
        .contains("notice.created", "notice.deleted");
  }

  @Test
  void bad_notices_are_refused_with_a_400_that_names_the_problem_and_store_nothing() {
    JsonObject good = new JsonObject().put("fr", "Texte").put("en", "Text").put("to", "2026-03-30T18:00");
    record Case(JsonObject body, String error) {}
    for (Case c : new Case[]{
        new Case(good.copy().putNull("en"), "missing_field"),
        new Case(good.copy().put("fr", 12), "invalid_field"),
        new Case(good.copy().put("fr", "x".repeat(501)), "invalid_field"),
        new Case(good.copy().put("to", "tomorrow"), "invalid_field"),
        new Case(good.copy().put("to", "2026-03-30T08:30").put("from", "2026-03-30T09:00"), "invalid_period"),
        new Case(good.copy().put("to", "2026-03-29T18:00"), "invalid_period"),
        new Case(good.copy().put("to", "2028-03-30T18:00"), "invalid_period"),
        new Case(good.copy().put("zones", new JsonArray().add("nowhere")), "unknown_zone"),
        new Case(good.copy().put("zones", "hall-a"), "invalid_field"),
        new Case(good.copy().put("priority", "urgent"), "invalid_field")}) {
      HttpResponse<Buffer> r = server.post("manager", "/api/notices", c.body());
      assertThat(r.statusCode()).as(c.body().encode()).isEqualTo(400);
      assertThat(r.bodyAsJsonObject().getString("error")).as(c.body().encode()).isEqualTo(c.error());
      assertThat(r.bodyAsJsonObject().getString("message")).isNotBlank();
    }
    assertThat(server.post("manager", "/api/notices", "not json").statusCode()).isEqualTo(400);
    assertThat(server.post("agent", "/api/notices", good).statusCode()).isEqualTo(403);
    assertThat(server.get("manager", "/api/notices").bodyAsJsonArray()).isEmpty();
  }

  @Test
  void an_alert_records_who_raised_it_and_who_ended_it_and_cannot_be_ended_twice() {
    long id = server.post("manager", "/api/alerts", new JsonObject().put("fr", "Évacuez").put("en", "Leave")
        .put("zones", new JsonArray())).bodyAsJsonObject().getLong("id");
    JsonObject raised = server.get("manager", "/api/alerts").bodyAsJsonArray().getJsonObject(0);
    assertThat(raised.getBoolean("active")).isTrue();
    assertThat(raised.getString("raisedBy")).contains("test-manager");

    assertThat(server.as("admin", HttpMethod.DELETE, "/api/alerts/" + id, null).statusCode()).isEqualTo(200);
    HttpResponse<Buffer> again = server.as("manager", HttpMethod.DELETE, "/api/alerts/" + id, null);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.bodyAsJsonObject().getString("error")).isEqualTo("already_ended");
    JsonObject ended = server.get("manager", "/api/alerts").bodyAsJsonArray().getJsonObject(0);
    assertThat(ended.getBoolean("active")).isFalse();
    assertThat(ended.getString("endedBy")).contains("test-admin");
    assertThat(ended.getString("endedAt")).isNotNull();
    assertThat(server.as("manager", HttpMethod.DELETE, "/api/alerts/999", null).statusCode()).isEqualTo(404);

    assertThat(server.post("manager", "/api/alerts", new JsonObject().put("fr", "Seul")).statusCode()).isEqualTo(400);
    assertThat(server.post("manager", "/api/alerts", new JsonObject().put("fr", "a").put("en", "b")
        .put("zones", new JsonArray().add("mars"))).statusCode()).isEqualTo(400);
    assertThat(server.postBytes("manager", "/api/alerts", "text/plain", "hello".getBytes()).statusCode())
        .isEqualTo(415);
    assertThat(server.get("manager", "/api/alerts").bodyAsJsonArray()).hasSize(1);
  }

  @Test
  void a_cap_alert_in_french_english_and_german_takes_the_french_and_english_texts_and_maps_its_area_to_a_zone() {
    HttpResponse<Buffer> r = cap(cap("FR-1", "Actual", "Alert", "",
        info("de-DE", "Feuer", "Verlassen Sie das Gebäude", "Hall d'accueil", null)
            + info("fr-FR", "Incendie", "Quittez le hall", "Hall d'accueil", null)
            + info("en-GB", "Fire", "Leave the hall", "Reception hall", null)));
    assertThat(r.statusCode()).isEqualTo(201);
    long id = r.bodyAsJsonObject().getLong("id");

    JsonObject alert = server.get("manager", "/api/alerts").bodyAsJsonArray().getJsonObject(0);
    assertThat(alert.getString("fr")).isEqualTo("Quittez le hall");
    assertThat(alert.getString("en")).isEqualTo("Leave the hall");
    assertThat(alert.getJsonArray("zones")).containsExactly("hall-a");
    assertThat(alert.getString("capIdentifier")).isEqualTo("FR-1");
    assertThat(alert.getString("severity")).isEqualTo("extreme");
    String page = server.client.get("/screens/hall-a-appels").send().await().bodyAsString();
    assertThat(page).contains("data-alert-id=\"" + id + "\"", "<p lang=\"fr\">Quittez le hall</p>",
        "<p lang=\"en\">Leave the hall</p>").doesNotContain("Verlassen");
    assertThat(server.client.get("/screens/annexe-b").send().await().bodyAsString()).doesNotContain("Quittez le hall");

    HttpResponse<Buffer> duplicate = cap(cap("FR-1", "Actual", "Alert", "",
        info("fr-FR", "Incendie", "Quittez le hall", "hall-a", null)));
    assertThat(duplicate.bodyAsJsonObject().getLong("id")).isEqualTo(id);

    HttpResponse<Buffer> cancel = cap(cap("FR-2", "Actual", "Cancel",
        "<references>prefecture@interieur.gouv.fr,FR-1,2026-03-30T10:00:00+02:00</references>", ""));
    assertThat(cancel.statusCode()).isEqualTo(200);
    assertThat(cancel.bodyAsJsonObject().getJsonArray("ended").stream().map(n -> ((Number) n).longValue()))
        .containsExactly(id);
    JsonObject ended = server.get("manager", "/api/alerts").bodyAsJsonArray().getJsonObject(0);
    assertThat(ended.getString("endReason")).isEqualTo("cap-cancel");
    assertThat(ended.getBoolean("active")).isFalse();
  }

  @Test
  void a_cap_update_replaces_the_alert_it_references_and_an_exercise_is_accepted_but_never_shown() {
    long first = cap(cap("U-1", "Actual", "Alert", "", info("fr", "Crue", "Montée des eaux", "everywhere", null)))
        .bodyAsJsonObject().getLong("id");
    HttpResponse<Buffer> update = cap(cap("U-2", "Actual", "Update",
        "<references>prefecture@interieur.gouv.fr,U-1,2026-03-30T10:00:00+02:00</references>",
        info("fr", "Crue", "Évacuez le rez-de-chaussée", "x", null)
            + info("en", "Flood", "Leave the ground floor", "x", null)));
    assertThat(update.statusCode()).isEqualTo(201);
    assertThat(update.bodyAsJsonObject().getJsonArray("ended").stream().map(n -> ((Number) n).longValue()))
        .containsExactly(first);
    long second = update.bodyAsJsonObject().getLong("id");
    assertThat(server.get("manager", "/api/alerts").bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(a -> a.getBoolean("active")).map(a -> a.getLong("id"))).containsExactly(second);

    HttpResponse<Buffer> exercise = cap(
        cap("E-1", "Exercise", "Alert", "", info("fr", "Exercice", "Exercice d'évacuation", "x", null)));
    assertThat(exercise.statusCode()).isEqualTo(202);
    assertThat(exercise.bodyAsJsonObject().getBoolean("shown")).isFalse();
    assertThat(exercise.bodyAsJsonObject().getString("note")).contains("not shown");
    assertThat(server.get("manager", "/api/alerts").bodyAsJsonArray()).hasSize(2);
    assertThat(server.client.get("/screens/annexe-b").send().await().bodyAsString())
        .doesNotContain("Exercice d'évacuation");
  }

  @Test
  void invalid_cap_messages_are_refused_with_the_parsers_reason_and_store_nothing() {
    HttpResponse<Buffer> notXml = cap("<alert><unclosed>");
    assertThat(notXml.statusCode()).isEqualTo(400);
    assertThat(notXml.bodyAsJsonObject().getString("error")).isEqualTo("invalid_cap");
    assertThat(notXml.bodyAsJsonObject().getString("message")).contains("invalid CAP XML");

    HttpResponse<Buffer> noStatus = cap(cap("B-1", "Sometimes", "Alert", "", info("fr", "a", "b", "x", null)));
    assertThat(noStatus.statusCode()).isEqualTo(400);
    assertThat(noStatus.bodyAsJsonObject().getString("message")).contains("status");

    HttpResponse<Buffer> xxe = cap("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">&x;</alert>");
    assertThat(xxe.statusCode()).isEqualTo(400);
    assertThat(xxe.bodyAsString()).doesNotContain("root:");

    HttpResponse<Buffer> noLanguage = cap(cap("B-2", "Actual", "Alert", "", info("de", "Feuer", "Raus", "x", null)));
    assertThat(noLanguage.statusCode()).isEqualTo(400);
    assertThat(server.get("manager", "/api/alerts").bodyAsJsonArray()).isEmpty();
  }

  @Test
  void an_expired_cap_alert_is_ended_by_expiry() {
    // A second after the server's own clock (which started at NOW and has run since): still to come when the alert
    // is raised, past at the server's next expiry check (every ScreenHub.EXPIRY_CHECK).
    String soon = Instant.parse(server.get(null, "/health").bodyAsJsonObject().getString("time")).plusSeconds(1)
        .toString();
    long id = cap(cap("X-1", "Actual", "Alert", "", info("fr", "Orage", "Restez à l'intérieur", "x", soon)))
        .bodyAsJsonObject().getLong("id");
    JsonObject alert = Eventually.until(() -> server.get("manager", "/api/alerts").bodyAsJsonArray().getJsonObject(0),
        a -> a.getString("endedAt") != null);
    assertThat(alert.getLong("id")).isEqualTo(id);
    assertThat(alert.getString("endedBy")).isEqualTo("expiry");
    assertThat(alert.getString("endReason")).isEqualTo("expired");
  }

  @Test
  void transparency_figures_and_service_states_are_validated_stored_and_shown() {
    JsonObject figures = new JsonObject().put("year", 2026).put("quarter", 1)
        .put("delays", new JsonObject().put("cni-passeport", 24.5).put("immatriculation", 3).put("permis", 12));
    assertThat(server.as("manager", HttpMethod.PUT, "/api/transparency", figures).statusCode()).isEqualTo(200);
    JsonObject read = server.get("manager", "/api/transparency").bodyAsJsonObject();
    assertThat(read.getJsonObject("shown").getJsonObject("delays").getDouble("cni-passeport")).isEqualTo(24.5);
    for (JsonObject bad : new JsonObject[]{
        figures.copy().put("quarter", 5),
        figures.copy().remove("year") == null ? null : figures.copy().put("year", "2026"),
        figures.copy().put("delays", new JsonObject().put("visa", 3)),
        figures.copy().put("delays", new JsonObject().put("permis", -1)),
        figures.copy().put("delays", new JsonObject().put("permis", 415)),
        figures.copy().put("delays", new JsonObject().put("permis", 365.1)),
        figures.copy().put("delays", new JsonObject())}) {
      assertThat(server.as("manager", HttpMethod.PUT, "/api/transparency", bad).statusCode()).as(bad.encode())
          .isEqualTo(400);
    }
    assertThat(server.get("manager", "/api/transparency").bodyAsJsonObject().getJsonObject("shown")
        .getJsonObject("delays").getDouble("permis")).isEqualTo(12);
    assertThat(server.as("manager", HttpMethod.PUT, "/api/transparency",
        figures.copy().put("delays", new JsonObject().put("permis", 365))).statusCode()).isEqualTo(200);
    assertThat(server.as("manager", HttpMethod.PUT, "/api/transparency", figures).statusCode()).isEqualTo(200);
    assertThat(server.get("manager", "/api/transparency").bodyAsJsonObject().getJsonArray("quarters")).hasSize(1);

    JsonObject moved = new JsonObject().put("status", "moved").put("movedTo", "annexe-salle-4");
    var put = server.as("manager", HttpMethod.PUT, "/api/service-states/titres", moved);
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(put.bodyAsJsonObject().getJsonObject("movedToName").getString("fr")).isEqualTo("Annexe, salle 4");
    var unknown = server.as("manager", HttpMethod.PUT, "/api/service-states/titres",
        new JsonObject().put("status", "moved").put("movedTo", "salle-99"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.bodyAsJsonObject().getString("error")).isEqualTo("unknown_place");
    assertThat(server.as("manager", HttpMethod.PUT, "/api/service-states/titres", new JsonObject().put("status",
        "moved").put("movedTo", new JsonObject().put("fr", "Salle 3").put("en", "Room 3"))).statusCode())
        .as("free text is no longer a place").isEqualTo(400);
    assertThat(server.as("manager", HttpMethod.PUT, "/api/service-states/nowhere", moved).statusCode()).isEqualTo(404);
    assertThat(server.as("manager", HttpMethod.PUT, "/api/service-states/pan", new JsonObject().put("status", "asleep"))
        .statusCode()).isEqualTo(400);
    assertThat(server.as("manager", HttpMethod.PUT, "/api/service-states/pan", new JsonObject().put("status", "open")
        .put("movedTo", new JsonObject().put("fr", "a").put("en", "b"))).statusCode()).isEqualTo(400);
    JsonObject titres = server.get("manager", "/api/service-states").bodyAsJsonArray().stream()
        .map(JsonObject.class::cast)
        .filter(s -> s.getString("service").equals("titres")).findFirst().orElseThrow();
    assertThat(titres.getString("status")).isEqualTo("moved");
    assertThat(titres.getString("movedTo")).isEqualTo("annexe-salle-4");
    assertThat(server.get("manager", "/api/site").bodyAsJsonObject().getJsonArray("places").stream()
        .map(o -> ((JsonObject) o).getString("id"))).contains("salle-3", "annexe-salle-4");

    // each screen shows the new place with its own way there (titres itself is to the right of the hall's screen)
    String hall = wayfindingOf("titres", server.client.get("/screens/hall-a-entree").send().await().bodyAsString());
    assertThat(hall).contains("data-direction=\"behind\"", "Désormais : Annexe, salle 4", "Now at: Annex, room 4",
        "Bâtiment B (annexe) · Rez-de-chaussée</span>").doesNotContain("Guichets 1 à 3", "\"right\"");
    String annex = wayfindingOf("titres", server.client.get("/screens/annexe-b").send().await().bodyAsString());
    assertThat(annex).contains("data-direction=\"right\"", "Désormais : Annexe, salle 4");
    String figuresPage = server.client.get("/screens/annexe-b").send().await().bodyAsString();
    assertThat(figuresPage).contains("24,5 jours", "24.5 days", "Pas encore de mesure pour :",
        "Not measured yet for:");
  }

  /** The wayfinding item of one service on a screen's page. */
  static String wayfindingOf(String service, String page) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<li class=\"service [^\"]*\" data-service=\""
        + service + "\"[^>]*>(.*?)</li>", java.util.regex.Pattern.DOTALL).matcher(page);
    assertThat(m.find()).as("wayfinding of " + service).isTrue();
    return m.group(1);
  }
}
