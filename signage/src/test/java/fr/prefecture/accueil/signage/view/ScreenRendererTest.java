package fr.prefecture.accueil.signage.view;

import static fr.prefecture.accueil.signage.view.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScreenRendererTest {

  private final ScreenRenderer renderer = new ScreenRenderer();

  @Test
  void calls_show_ticket_counter_in_both_languages_and_mark_the_newest_in_words() {
    String html = renderer.layout("calls", Fixtures.calls());

    assertThat(html)
        .contains("E012", "T007", "<span lang=\"fr\">Guichet 3</span>", "<span lang=\"en\">Counter 3</span>")
        .contains("<span lang=\"fr\">Nouvel appel</span>", "<span lang=\"en\">New call</span>")
        .contains("class=\"call newest\" data-ticket=\"E012\"")
        .contains("10:30") // 08:30Z is 10:30 in Paris in June
        .contains("→</span> <span class=\"bi\"><span lang=\"fr\">Bâtiment B, guichet 5</span>"
            + "<span lang=\"en\">Building B, counter 5</span>");
  }

  @Test
  void the_strip_shows_each_call_with_its_counter_and_a_transfer_with_an_arrow_to_where_it_goes() {
    CallsView calls = new CallsView(List.of(
        new CallView("T003", null, null, NOW, true, new Text("Point d'accueil numérique", "Digital help desk")),
        Fixtures.call("T002", false)));
    String html = renderer.strip(calls);
    assertThat(html).contains("<span lang=\"fr\">Appels en cours</span>", "<span lang=\"en\">Now serving</span>")
        .contains("<span class=\"strip-ticket\">T003</span> <span class=\"strip-arrow\">→</span> "
            + "<span class=\"strip-where\"><span class=\"bi\"><span lang=\"fr\">Point d&#x27;accueil numérique</span>"
            + "<span lang=\"en\">Digital help desk</span></span>")
        .contains("<span class=\"strip-ticket\">T002</span> <span class=\"strip-where\"><span class=\"bi\">"
            + "<span lang=\"fr\">Guichet 3</span><span lang=\"en\">Counter 3</span>")
        .doesNotContain("Nouvel appel");
    assertThat(html.indexOf("T003")).isLessThan(html.indexOf("T002"));
    assertThat(renderer.strip(new CallsView(List.of()))).contains("Aucun appel pour l'instant", "No one called yet");
    String banner = renderer.call(calls.calls().get(0));
    assertThat(banner).contains("T003 →", "Point d&#x27;accueil numérique", "Digital help desk")
        .doesNotContain("Guichet");
  }

  @Test
  void wayfinding_gives_direction_as_glyph_and_words_in_both_languages_and_state_as_words() {
    String html = renderer.layout("wayfinding", Fixtures.wayfinding());

    assertThat(html).contains("data-direction=\"left\"", "←", "<span lang=\"fr\">À gauche</span>",
        "<span lang=\"en\">To your left</span>")
        .contains("<span lang=\"fr\">Étrangers</span>", "<span lang=\"en\">Foreign nationals</span>")
        .contains("1er étage · Salle 12</span>", "Floor 1 · Room 12</span>")
        .contains("<span lang=\"fr\">Ouvert</span>", "<span lang=\"en\">Open</span>")
        .contains("<span lang=\"fr\">Complet</span>", "<span lang=\"en\">Full</span>")
        .contains("Rez-de-chaussée", "Ground floor")
        .contains("<span lang=\"fr\">Ici</span>", "<span lang=\"en\">Here</span>");
  }

  @Test
  void a_moved_service_says_where_it_now_receives_in_both_languages() {
    WayfindingView view = new WayfindingView(List.of(new ServiceWayfinding("titres", new Text("Titres", "ID documents"),
        null, 0, new Text("Salle 3", "Room 3"), Direction.RIGHT, ServiceStatus.MOVED, List.of(),
        new Text("Bâtiment B, salle 4", "Building B, room 4"))));

    String html = renderer.layout("wayfinding", view);

    assertThat(html).contains("<span lang=\"fr\">Déplacé</span>", "<span lang=\"en\">Moved</span>")
        .contains("<span lang=\"fr\">Désormais : Bâtiment B, salle 4</span>",
            "<span lang=\"en\">Now at: Building B, room 4</span>", "<span lang=\"en\">Ground floor · Room 3</span>");
  }

  @Test
  void notices_come_in_a_french_and_an_english_column_high_priority_marked_in_words() {
    String html = renderer.layout("notices", Fixtures.notices());

    assertThat(html).contains("<div class=\"col\" lang=\"fr\">", "<div class=\"col\" lang=\"en\">")
        .contains("Fermeture exceptionnelle à 15 h", "Exceptional closing at 3 pm")
        .contains("Important : </strong>", "Important: </strong>");
    assertThat(html.indexOf("Fermeture")).isLessThan(html.indexOf("lang=\"en\""));
    assertThat(html.indexOf("Exceptional")).isGreaterThan(html.indexOf("lang=\"en\""));
  }

  @Test
  void user_written_markup_in_a_notice_comes_out_as_text() {
    NoticesView notices = new NoticesView(List.of(Fixtures.notice("x", "<script>alert('x')</script> & co",
        "<img src=x onerror=alert(1)>", NoticePriority.NORMAL)));

    String html = renderer.layout("notices", notices);

    assertThat(html).doesNotContain("<script>", "<img")
        .contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co",
            "&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;");
  }

  @Test
  void user_written_markup_in_an_alert_comes_out_as_text() {
    String html = renderer.alert(AlertView.manual("a1", new Text("<b>Évacuez</b>", null), List.of(), NOW));

    assertThat(html).doesNotContain("<b>").contains("&lt;b&gt;Évacuez&lt;/b&gt;");
  }

  @Test
  void charter_is_a_real_bilingual_text() {
    String html = renderer.layout("charter", CharterView.standard());

    assertThat(html).contains("<div class=\"col\" lang=\"fr\">", "<div class=\"col\" lang=\"en\">")
        .contains("Notre charte d&#x27;accueil", "Our reception charter")
        .contains("courtoisie", "courtesy", "mobilité réduite", "reduced mobility", "15 jours ouvrés",
            "15 working days", "réclamations", "complaints");
  }

  @Test
  void access_rules_say_convocation_early_window_identity_and_where_to_get_help() {
    String html = renderer.layout("access", Fixtures.access());

    assertThat(html).contains("convocation (rendez-vous) ou invitation", "convocation (appointment) or an invitation")
        .contains("20 minutes avant", "20 minutes before")
        .contains("pièce d&#x27;identité", "identity document")
        .contains("(PAN) vous accompagne (Bâtiment A, rez-de-chaussée)", "Building A, ground floor")
        .contains("France Services");
  }

  @Test
  void transparency_shows_quarter_delays_and_live_waiting_in_both_languages() {
    String html = renderer.layout("transparency", Fixtures.transparency());

    assertThat(html).contains("Délais moyens de délivrance — T1 2025", "Average processing times — Q1 2025")
        .contains("Carte d&#x27;identité et passeport", "ID card and passport", "24,5 jours", "24.5 days")
        .contains("Immatriculation des véhicules", "Vehicle registration", "3 jours", "3 days")
        .contains("Permis de conduire", "Driving licence", "12 jours")
        .contains("Attente médiane aujourd&#x27;hui", "Median waiting time today", "14 min")
        .contains("Pas encore de mesure pour :", "Not measured yet for:");
  }

  @Test
  void affluence_is_weekdays_by_bands_with_each_level_in_words_in_both_languages() {
    String html = renderer.layout("affluence", Fixtures.affluence());

    assertThat(html).contains("<span lang=\"fr\">Quand venir ?</span>", "<span lang=\"en\">When to come</span>")
        .contains("<th scope=\"col\"><span class=\"bi\"><span lang=\"fr\">Matin</span><span lang=\"en\">Morning</span>")
        .contains("<tr data-unit=\"1\"><th scope=\"row\"><span class=\"bi\"><span lang=\"fr\">Lundi</span>")
        .contains("<td class=\"level-very-busy\"><span class=\"bi\"><span lang=\"fr\">très fréquenté</span>"
            + "<span lang=\"en\">very busy</span>")
        .contains("<td class=\"level-unmeasured\"><span class=\"bi\"><span lang=\"fr\">pas de mesure</span>");
    assertThat(Fixtures.affluence().isEmpty()).isFalse();
    assertThat(AffluenceView.none().isEmpty()).isTrue();
    assertThat(Fixtures.affluence().readingText().words(Language.FR)).isLessThanOrEqualTo(60);
  }

  @Test
  void services_not_measured_yet_are_named_in_one_line_not_one_line_each() {
    TransparencyView view = new TransparencyView(null, List.of(), List.of(
        new LiveWaiting("a", new Text("Titres", "ID documents"), null),
        new LiveWaiting("b", new Text("Étrangers", "Foreign nationals"), 7),
        new LiveWaiting("c", new Text("Permis", "Licences"), null)));
    String html = renderer.layout("transparency", view);
    assertThat(html)
        .contains("Pas encore de mesure pour : Titres, Permis", "Not measured yet for: ID documents, Licences")
        .contains("7 min");
    assertThat(html.split("Pas encore de mesure", -1)).hasSize(2);
    assertThat(html).doesNotContain("<td>pas encore de mesure");
  }

  @Test
  void alert_says_alert_in_words_in_both_languages_and_keeps_a_single_language_message() {
    AlertView alert = new AlertView("cap-1", new Text("Inondation", "Flood"), new Text("Crue de la Seine", null),
        new Text("Quittez le rez-de-chaussée", "Leave the ground floor"), AlertSeverity.SEVERE, NOW, null, List.of());

    String html = renderer.alert(alert);

    assertThat(html).contains("role=\"alert\"", "<span lang=\"fr\">ALERTE</span>", "<span lang=\"en\">ALERT</span>")
        .contains("<span lang=\"fr\">Inondation</span>", "<span lang=\"en\">Flood</span>")
        .contains("<p lang=\"fr\">Crue de la Seine</p>")
        .contains("<p lang=\"fr\">Quittez le rez-de-chaussée</p>", "<p lang=\"en\">Leave the ground floor</p>")
        .contains("severity-severe", "10:30");
    assertThat(html).doesNotContain("<p lang=\"en\"></p>");
  }

  @Test
  void call_banner_shows_ticket_and_counter() {
    String html = renderer.call(Fixtures.call("E012", true));

    assertThat(html).contains("E012", "<span lang=\"fr\">Guichet 3</span>", "<span lang=\"en\">Counter 3</span>");
  }

  @Test
  void an_unknown_layout_is_refused() {
    assertThatThrownBy(() -> renderer.layout("weather", Fixtures.calls()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weather");
  }

  @ParameterizedTest
  @EnumSource(LanguageMode.class)
  void page_is_french_by_default_carries_its_configuration_and_every_slide(LanguageMode mode) {
    List<Slide> slides = Fixtures.allModels().stream()
        .map(m -> new Slide(m.layoutName(), 20, mode == LanguageMode.ALTERNATE ? 10 : 20, m)).toList();
    ScreenPage page = new ScreenPage(Fixtures.screen(mode, Orientation.PORTRAIT), slides, null);

    String html = renderer.page(page);

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"fr\">")
        .contains("mode-" + mode.code(), "data-language-mode=\"" + mode.code() + "\"")
        .contains("data-screen-id=\"hall-a\"", "data-orientation=\"portrait\"", "data-chime=\"true\"",
            "data-heartbeat-seconds=\"15\"", "orientation-portrait")
        .contains("<script type=\"module\" src=\"/static/signage/screen.js\"></script>", "/static/signage/screen.css")
        .contains("<span lang=\"fr\">Hors ligne</span>", "<span lang=\"en\">Offline</span>")
        .contains("Exceptional closing at 3 pm", "Fermeture exceptionnelle", "Our reception charter");
    assertThat(html).containsPattern("<section class=\"slide layout-calls\" data-layout=\"calls\" data-seconds=\"20\""
        + " data-french-seconds=\"" + (mode == LanguageMode.ALTERNATE ? 10 : 20) + "\">");
    assertThat(html).contains("data-layout=\"charter\" data-seconds=\"20\"").contains(" hidden>");
    assertThat(html).doesNotContain("<script>").contains("<div id=\"alert\" class=\"alert-layer\" hidden>");
  }

  @Test
  void page_with_an_alert_shows_it_and_hides_the_slides() {
    AlertView alert = AlertView.manual("a1", new Text("Évacuation", "Evacuation"), List.of(), NOW);
    ScreenPage page = new ScreenPage(Fixtures.screen(LanguageMode.SIDE_BY_SIDE, Orientation.LANDSCAPE),
        List.of(new Slide("calls", 10, 10, Fixtures.calls())), alert);

    String html = renderer.page(page);

    assertThat(html).contains("alert-active", "<main id=\"content\" data-showing=\"fr\" hidden>",
        "<div id=\"alert\" class=\"alert-layer\"><div class=\"alert", "Évacuation", "Evacuation");
  }

  @Test
  void a_page_with_nothing_to_show_welcomes_in_both_languages() {
    ScreenPage page = new ScreenPage(Fixtures.screen(LanguageMode.ALTERNATE, Orientation.LANDSCAPE), List.of(), null);

    assertThat(renderer.content(page)).contains("data-layout=\"welcome\"", "<span lang=\"fr\">Bienvenue",
        "<span lang=\"en\">Welcome");
  }

  @Test
  void screen_name_is_escaped_in_the_page() {
    ScreenView screen = new ScreenView("s\"1", "<Hall>", "hall", Orientation.LANDSCAPE, LanguageMode.ALTERNATE, false);

    String html = renderer.page(new ScreenPage(screen, List.of(), null));

    assertThat(html).contains("&lt;Hall&gt;", "data-screen-id=\"s&quot;1\"", "data-chime=\"false\"");
  }

  @Test
  void times_are_shown_in_paris_time_across_daylight_saving() {
    CallView winter = new CallView("E1", new Text("G1", "C1"), null, Instant.parse("2025-01-10T08:00:00Z"), true);

    assertThat(renderer.layout("calls", new CallsView(List.of(winter)))).contains(">09:00</time>");
  }
}
