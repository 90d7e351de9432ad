package fr.prefecture.accueil.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shared templates: values escaped, the bundle's words complete and free of markup, the error page. */
class TemplatesTest {
  private static final Path FOLDER = Path.of("src/main/resources/templates");
  private static final Pattern USED = Pattern.compile("\\{\\{t \"([^\"]+)\"");

  @Test
  void every_word_of_a_template_is_in_the_bundle() throws IOException {
    Properties texts = Templates.load();
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(FOLDER)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".hbs")).toList()) {
        Matcher m = USED.matcher(Files.readString(file));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(used).contains("convocation.rule.early.fr", "ticket.issued.en", "error.heading.en");
    assertThat(texts.stringPropertyNames()).containsAll(used);
  }

  @Test
  void the_words_hold_no_markup_and_every_chart_word_is_in_both_languages() {
    Properties texts = Templates.load();
    for (String key : texts.stringPropertyNames()) {
      assertThat(key).matches(".+\\.(fr|en)");
      assertThat(texts.getProperty(key)).as(key).doesNotContain("<", ">", "&", "\"");
    }
    Set<String> charts = texts.stringPropertyNames().stream().filter(k -> k.startsWith("chart."))
        .map(k -> k.substring(0, k.lastIndexOf('.'))).collect(Collectors.toSet());
    for (String chart : charts) {
      assertThat(texts).as(chart).containsKeys(chart + ".fr", chart + ".en");
    }
  }

  @Test
  void values_are_escaped_and_words_are_filled_in() {
    Templates templates = Templates.compile("error");
    String html = templates.render("error", Map.of("status", 404, "explanation", "error.404.fr",
        "message", "No such resource: /<script>alert(\"x\")</script>'"));
    assertThat(html).startsWith("<!doctype html>").endsWith("</html>")
        .contains("<title>Erreur 404 — Accueil</title>", "Erreur 404 <span lang=\"en\">/ Error 404</span>")
        .contains("<p>Cette page n'existe pas.</p>")
        .contains("/&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#x27;")
        .doesNotContain("<script>");
    assertThat(templates.text("ticket.issued.en", Map.of("issued", "Monday 30 March 2026, 09:00")))
        .isEqualTo("Issued on Monday 30 March 2026, 09:00");
  }

  @Test
  void a_missing_template_word_or_value_is_an_error_not_an_empty_text() {
    Templates templates = Templates.compile("error");
    assertThatThrownBy(() -> Templates.compile("no-such-template")).hasMessageContaining("no-such-template");
    assertThatThrownBy(() -> templates.render("ticket", Map.of())).hasMessageContaining("ticket");
    assertThatThrownBy(() -> templates.text("no.such.key.fr")).hasMessageContaining("no.such.key.fr");
    assertThatThrownBy(() -> templates.text("ticket.issued.fr")).hasMessageContaining("{issued}");
    assertThatThrownBy(() -> templates.render("error", Map.of("explanation", "error.404.fr", "message", "m")))
        .hasMessageContaining("status");
  }

  @Test
  void the_error_page_explains_each_client_error_in_french_and_keeps_the_message_in_english() {
    Failures failures = new Failures();
    for (int status : List.of(400, 401, 403, 404, 405, 413, 415, 500)) {
      String html = failures.errorPage(status, "Message " + status);
      assertThat(html).as("" + status).contains("Erreur " + status, "Error " + status, "Message " + status)
          .contains("<main class=\"error-page\">");
    }
    assertThat(failures.errorPage(403, "m")).contains("Vous n'avez pas accès à cette page.");
    assertThat(failures.errorPage(500, "m")).contains("Une erreur est survenue.");
    assertThat(failures.errorPage(413, "m")).contains("Cette demande n'est pas acceptée.");
  }
}
