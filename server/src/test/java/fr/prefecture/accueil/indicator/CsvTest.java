package fr.prefecture.accueil.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A report as CSV: BOM, ';', decimal commas, CRLF, quotes only where a field needs them, reasons as columns. */
class CsvTest {
  @Test
  void fields_holding_a_separator_a_quote_or_a_line_break_are_quoted_and_nothing_else() {
    JsonObject report = new JsonObject().put("by", "service").put("rows", new JsonArray()
        .add(new JsonObject().put("key", "a;b").put("label", "dit \"Jo\"").put("rate", 0.25).put("count", 3L))
        .add(new JsonObject().put("key", "c").put("label", "deux\nlignes").put("rate", 1.0).put("count", 0L)));
    String csv = new String(Csv.of(report), StandardCharsets.UTF_8);
    assertThat(csv).isEqualTo("\uFEFFservice;label;rate;count\r\n"
        + "\"a;b\";\"dit \"\"Jo\"\"\";0,25;3\r\n"
        + "c;\"deux\nlignes\";1;0\r\n");
  }

  @Test
  void refusal_reasons_become_one_column_each_and_totals_the_last_row() {
    JsonObject report = new JsonObject().put("by", "day").put("rows", new JsonArray()
        .add(new JsonObject().put("key", "2026-03-30").put("refused", 2L)
            .put("reasons", new JsonObject().put("too_early", 2L)))
        .add(new JsonObject().put("key", "2026-03-31").put("refused", 1L)
            .put("reasons", new JsonObject().put("cancelled", 1L))))
        .put("totals", new JsonObject().put("refused", 3L)
            .put("reasons", new JsonObject().put("too_early", 2L).put("cancelled", 1L)));
    assertThat(new String(Csv.of(report), StandardCharsets.UTF_8)).isEqualTo("\uFEFFday;refused;cancelled;too_early\r\n"
        + "2026-03-30;2;0;2\r\n"
        + "2026-03-31;1;1;0\r\n"
        + "total;3;1;2\r\n");
  }

  @Test
  void the_french_vocabulary_names_services_keys_and_rates_the_way_a_manager_reads_them() {
    JsonObject report = new JsonObject().put("by", "weekday").put("rows", new JsonArray()
        .add(new JsonObject().put("key", "1").put("due", 22L).put("noShows", 3L).put("rate", 0.1361)
            .put("previous", new JsonObject().put("rate", 0.1)))
        .add(new JsonObject().put("key", "7").put("due", 0L).put("noShows", 0L).putNull("rate")))
        .put("totals", new JsonObject().put("due", 22L).put("noShows", 3L).put("rate", 0.1361)
            .put("change", new JsonObject().put("rate", 0.0)));
    CsvWords words = new CsvWords(
        fr.prefecture.accueil.site.SiteLoader.load(fr.prefecture.accueil.site.SiteLoader.DEFAULT).site());
    assertThat(new String(Csv.french(report, words), StandardCharsets.UTF_8)).isEqualTo(
        "\uFEFFJour de la semaine;Rendez-vous dus;Absences;Taux d'absence (%)\r\n"
            + "lundi;22;3;13,6\r\n"
            + "dimanche;0;0;\r\n"
            + "Total;22;3;13,6\r\n");
    assertThat(words.key("month", "2026-11")).isEqualTo("novembre 2026");
    assertThat(words.key("week", "2026-W45")).isEqualTo("2026-S45");
    assertThat(words.key("weekday-hour", "2-09")).isEqualTo("mardi 09h");
    assertThat(words.key("service", "pan")).doesNotContain("pan").isNotBlank();
    assertThat(words.key("service", "gone")).isEqualTo("gone");
    assertThat(words.reason("too_early")).isEqualTo("Trop tôt");
  }
}
