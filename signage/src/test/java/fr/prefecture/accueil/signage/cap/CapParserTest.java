package fr.prefecture.accueil.signage.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import fr.prefecture.accueil.signage.view.AlertSeverity;
import fr.prefecture.accueil.signage.view.AlertView;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CapParserTest {

  private final CapParser parser = new CapParser(Map.of("Hall d'accueil", "hall", "Bâtiment B", "batiment-b",
      "INSEE=75056", "paris"));

  private static String message(String msgType, String extraHeader, String infos) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
          <identifier>PREF-75-2025-0042</identifier>
          <sender>alerte@prefecture.gouv.fr</sender>
          <sent>2025-06-03T10:15:00+02:00</sent>
          <status>Actual</status>
          <msgType>%s</msgType>
          <scope>Public</scope>
          %s
          %s
        </alert>
        """.formatted(msgType, extraHeader, infos);
  }

  private static String info(String language, String headline, String description, String expires, String area) {
    return """
        <info>
          %s
          <category>Safety</category>
          <event>Evacuation</event>
          <urgency>Immediate</urgency>
          <severity>Severe</severity>
          <certainty>Observed</certainty>
          %s
          <headline>%s</headline>
          <description>%s</description>
          %s
        </info>
        """.formatted(language == null ? "" : "<language>" + language + "</language>",
        expires == null ? "" : "<expires>" + expires + "</expires>", headline, description, area);
  }

  private static String area(String desc) {
    return "<area><areaDesc>" + desc + "</areaDesc></area>";
  }

  @Test
  void reads_a_valid_french_only_alert() {
    CapAlert alert = parser.parse(message("Alert", "",
        info("fr-FR", "Évacuation du hall", "Une alarme incendie est en cours.", null, area("Hall d'accueil"))));

    assertThat(alert.identifier()).isEqualTo("PREF-75-2025-0042");
    assertThat(alert.sender()).isEqualTo("alerte@prefecture.gouv.fr");
    assertThat(alert.sent()).isEqualTo(Instant.parse("2025-06-03T08:15:00Z"));
    assertThat(alert.status()).isEqualTo(CapStatus.ACTUAL);
    assertThat(alert.msgType()).isEqualTo(CapMessageType.ALERT);
    assertThat(alert.live()).isTrue();
    assertThat(alert.headline().fr()).isEqualTo("Évacuation du hall");
    assertThat(alert.headline().en()).isNull();
    assertThat(alert.description().fr()).isEqualTo("Une alarme incendie est en cours.");
    assertThat(alert.severity()).isEqualTo(AlertSeverity.SEVERE);
    assertThat(alert.urgency()).isEqualTo(CapUrgency.IMMEDIATE);
    assertThat(alert.expires()).isNull();
    assertThat(alert.zones()).containsExactly("hall");
  }

  @Test
  void reads_french_and_english_blocks_into_one_bilingual_alert() {
    CapAlert alert = parser.parse(message("Alert", "",
        info("fr", "Évacuation", "Sortez par l'issue la plus proche.", null, area("Bâtiment B"))
            + info("en-GB", "Evacuation", "Leave by the nearest exit.", null, area("Bâtiment B"))));

    assertThat(alert.headline().fr()).isEqualTo("Évacuation");
    assertThat(alert.headline().en()).isEqualTo("Evacuation");
    assertThat(alert.description().en()).isEqualTo("Leave by the nearest exit.");
    assertThat(alert.zones()).containsExactly("batiment-b");

    AlertView view = alert.toAlertView("a-7");
    assertThat(view.id()).isEqualTo("a-7");
    assertThat(view.headline().en()).isEqualTo("Evacuation");
    assertThat(view.message().fr()).isEqualTo("Sortez par l'issue la plus proche.");
    assertThat(view.raisedAt()).isEqualTo(alert.sent());
  }

  @Test
  void an_info_without_language_is_american_english() {
    CapAlert alert = parser.parse(message("Alert", "", info(null, "Storm", "High winds expected.", null, "")));

    assertThat(alert.headline().en()).isEqualTo("Storm");
    assertThat(alert.headline().fr()).isNull();
  }

  @Test
  void a_cancel_names_the_alert_it_ends() {
    CapAlert cancel = parser.parse(message("Cancel",
        "<references>alerte@prefecture.gouv.fr,PREF-75-2025-0041,2025-06-03T09:00:00+02:00</references>", ""));

    assertThat(cancel.msgType()).isEqualTo(CapMessageType.CANCEL);
    assertThat(cancel.live()).isFalse();
    assertThat(cancel.endsReferencedAlerts()).isTrue();
    assertThat(cancel.referencedIdentifiers()).containsExactly("PREF-75-2025-0041");
    assertThat(cancel.references().get(0).sent()).isEqualTo(Instant.parse("2025-06-03T07:00:00Z"));
  }

  @Test
  void a_cancel_without_references_is_refused() {
    assertThatThrownBy(() -> parser.parse(message("Cancel", "", "")))
        .isInstanceOf(CapException.class).hasMessageContaining("references");
  }

  @Test
  void expires_ends_the_alert() {
    CapAlert alert = parser.parse(message("Alert", "",
        info("fr", "Crue", "Montée des eaux.", "2025-06-03T18:00:00+02:00", "")));

    assertThat(alert.expires()).isEqualTo(Instant.parse("2025-06-03T16:00:00Z"));
    assertThat(alert.isExpired(Instant.parse("2025-06-03T15:59:59Z"))).isFalse();
    assertThat(alert.isExpired(Instant.parse("2025-06-03T16:00:00Z"))).isTrue();
    assertThat(alert.toAlertView("a").expires()).isEqualTo(alert.expires());
  }

  @Test
  void cap_utc_written_minus_zero_is_read() {
    CapAlert alert = parser.parse(message("Alert", "",
        info("fr", "Crue", "Montée des eaux.", "2025-06-03T18:00:00-00:00", "")));

    assertThat(alert.expires()).isEqualTo(Instant.parse("2025-06-03T18:00:00Z"));
  }

  @Test
  void an_unknown_area_makes_the_alert_for_everywhere() {
    CapAlert alert = parser.parse(message("Alert", "",
        info("fr", "Alerte", "Confinement.", null, area("Hall d'accueil") + area("Parking nord"))));

    assertThat(alert.zones()).isEmpty();
  }

  @Test
  void an_area_is_also_found_by_its_geocode() {
    String areaWithGeocode = "<area><areaDesc>Paris</areaDesc><geocode><valueName>INSEE</valueName>"
        + "<value>75056</value></geocode></area>";

    CapAlert alert = parser.parse(message("Alert", "", info("fr", "Alerte", "Confinement.", null, areaWithGeocode)));

    assertThat(alert.zones()).containsExactly("paris");
  }

  @Test
  void an_exercise_is_read_but_not_live() {
    CapAlert alert = parser.parse(message("Alert", "", info("fr", "Exercice", "Exercice d'évacuation.", null, ""))
        .replace("<status>Actual</status>", "<status>Exercise</status>"));

    assertThat(alert.status()).isEqualTo(CapStatus.EXERCISE);
    assertThat(alert.live()).isFalse();
    assertThat(alert.endsReferencedAlerts()).isFalse();
  }

  @Test
  void an_alert_only_in_german_is_refused() {
    assertThatThrownBy(() -> parser.parse(message("Alert", "", info("de-DE", "Sturm", "Wind.", null, ""))))
        .isInstanceOf(CapException.class).hasMessageContaining("French or English");
  }

  @Test
  void invalid_xml_is_refused_with_a_clear_message() {
    assertThatThrownBy(() -> parser.parse("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>"))
        .isInstanceOf(CapException.class).hasMessageStartingWith("invalid CAP XML");
  }

  @Test
  void a_missing_required_element_is_named() {
    String noSender = message("Alert", "", info("fr", "A", "B", null, ""))
        .replace("<sender>alerte@prefecture.gouv.fr</sender>", "");

    assertThatThrownBy(() -> parser.parse(noSender))
        .isInstanceOf(CapException.class).hasMessage("missing required element <sender> in <alert>");
  }

  @Test
  void a_missing_severity_is_named() {
    String noSeverity = message("Alert", "", info("fr", "A", "B", null, "")).replace("<severity>Severe</severity>", "");

    assertThatThrownBy(() -> parser.parse(noSeverity)).isInstanceOf(CapException.class)
        .hasMessageContaining("<severity>");
  }

  @Test
  void a_wrong_namespace_is_refused() {
    String cap11 = message("Alert", "", info("fr", "A", "B", null, ""))
        .replace("urn:oasis:names:tc:emergency:cap:1.2", "urn:oasis:names:tc:emergency:cap:1.1");

    assertThatThrownBy(() -> parser.parse(cap11)).isInstanceOf(CapException.class)
        .hasMessageContaining("not a CAP 1.2 message").hasMessageContaining("cap:1.1");
  }

  @Test
  void an_oversized_message_is_refused_before_parsing() {
    String padding = "<note>" + "x".repeat(CapParser.MAX_BYTES) + "</note>";
    byte[] big = message("Alert", padding, info("fr", "A", "B", null, "")).getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(big)))
        .isInstanceOf(CapException.class).hasMessageContaining("too large");
  }

  @Test
  void a_doctype_with_an_external_entity_is_refused_and_never_fetched() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      fetches.incrementAndGet();
      byte[] body = "<!ENTITY secret \"leaked\">".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      String entity = """
          <?xml version="1.0"?>
          <!DOCTYPE alert [<!ENTITY xxe SYSTEM "%s/entity">]>
          <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&xxe;</identifier></alert>
          """.formatted(base);
      String externalDtd = """
          <?xml version="1.0"?>
          <!DOCTYPE alert SYSTEM "%s/evil.dtd">
          <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&secret;</identifier></alert>
          """.formatted(base);

      assertThatThrownBy(() -> parser.parse(entity)).isInstanceOf(CapException.class).hasMessageContaining("DOCTYPE");
      assertThatThrownBy(() -> parser.parse(externalDtd)).isInstanceOf(CapException.class)
          .hasMessageContaining("DOCTYPE");
      assertThat(fetches).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void an_internal_entity_bomb_is_refused() {
    String bomb = """
        <?xml version="1.0"?>
        <!DOCTYPE alert [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&b;</identifier></alert>
        """;

    assertThatThrownBy(() -> parser.parse(bomb)).isInstanceOf(CapException.class).hasMessageContaining("DOCTYPE");
  }

  @Test
  void a_cancel_has_no_text_to_show() {
    CapAlert cancel = parser.parse(message("Cancel",
        "<references>alerte@prefecture.gouv.fr,PREF-75-2025-0041,2025-06-03T09:00:00+02:00</references>", ""));

    assertThatThrownBy(() -> cancel.toAlertView("x")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void an_update_replaces_the_referenced_alert_and_is_itself_live() {
    CapAlert update = parser.parse(message("Update",
        "<references>alerte@prefecture.gouv.fr,PREF-75-2025-0041,2025-06-03T09:00:00+02:00</references>",
        info("fr", "Évacuation étendue", "Tout le site.", null, "")));

    assertThat(update.live()).isTrue();
    assertThat(update.endsReferencedAlerts()).isTrue();
    assertThat(update.referencedIdentifiers()).containsExactly("PREF-75-2025-0041");
  }
}
