package fr.prefecture.accueil.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CSV imports; the tests share one server, each importing rows of a day of its own. */
class CsvImportTest {
  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.at(Instant.parse("2026-03-28T08:00:00Z"));
  final TestServer server = SERVER.get();

  HttpResponse<Buffer> upload(String query, byte[] body) {
    return server.postBytes("manager", "/api/appointments/import" + query, "text/csv", body);
  }

  JsonArray day(String date) {
    return server.get("manager", "/api/appointments?date=" + date).bodyAsJsonArray();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void french_spreadsheet_export_semicolons_bom_crlf_and_french_dates() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    out.writeBytes(utf8("Référence;Service;Date;Heure;Nom;Durée;Téléphone\r\n"
        + "A-1;titres;30/03/2026;09:00;Hélène Dupont;15;06 12 34 56 78\r\n"
        + "A-2;etrangers;30/03/2026;9h40;Nguyễn Văn An;;\r\n"));
    HttpResponse<Buffer> response = upload("", out.toByteArray());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getInteger("imported")).isEqualTo(2);
    assertThat(response.bodyAsJsonObject().getJsonArray("errors")).isEmpty();
    JsonArray day = day("2026-03-30");
    assertThat(day).extracting(o -> ((JsonObject) o).getJsonObject("visitor").getString("name"))
        .containsExactly("Hélène Dupont", "Nguyễn Văn An");
    assertThat(day.getJsonObject(1).getString("localStart")).isEqualTo("2026-03-30T09:40");
    assertThat(day.getJsonObject(1).getInteger("durationMinutes")).isEqualTo(20);
  }

  @Test
  void windows_1252_file_keeps_its_accents() {
    byte[] body = ("reference;service;date;heure;nom\r\nW-1;titres;31/03/2026;10:00;Françoise Ébrard\r\n")
        .getBytes(Charset.forName("windows-1252"));
    assertThat(upload("", body).statusCode()).isEqualTo(200);
    assertThat(day("2026-03-31").getJsonObject(0).getJsonObject("visitor").getString("name"))
        .isEqualTo("Françoise Ébrard");
  }

  @Test
  void english_headers_in_any_order_with_commas_and_iso_dates() {
    String csv = "Name,Time,Date,Service,Reference,Email,Phone,Duration\n"
        + "\"Smith, John\",14:30,2026-04-01,vehicules,E-1,john@example.org,+33 6 00 00 00 00,30\n";
    HttpResponse<Buffer> response = upload("", utf8(csv));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonObject a = day("2026-04-01").getJsonObject(0);
    assertThat(a.getJsonObject("visitor").getString("name")).isEqualTo("Smith, John");
    assertThat(a.getJsonObject("visitor").getString("email")).isEqualTo("john@example.org");
    assertThat(a.getInteger("durationMinutes")).isEqualTo(30);
    assertThat(a.getString("service")).isEqualTo("vehicules");
  }

  @Test
  void quoted_fields_may_hold_separators_quotes_and_line_breaks() {
    String csv = "reference;service;date;heure;nom\r\n"
        + "Q-1;titres;02/04/2026;11:00;\"Dupont; \"\"Jeannot\"\"\r\ndit Jean\"\r\n"
        + "Q-2;titres;02/04/2026;11:20;Martin\r\n";
    HttpResponse<Buffer> response = upload("", utf8(csv));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(day("2026-04-02")).extracting(o -> ((JsonObject) o).getJsonObject("visitor").getString("name"))
        .containsExactly("Dupont; \"Jeannot\"\ndit Jean", "Martin");
  }

  @Test
  void one_bad_row_imports_nothing_and_every_bad_row_is_reported_with_its_line() {
    String csv = "reference;service;date;heure;nom\n"
        + "B-1;titres;03/04/2026;09:00;Bon\n"
        + "B-2;inconnu;03/04/2026;09:00;Service inconnu\n"
        + "B-3;titres;31/02/2026;09:00;Date impossible\n"
        + "B-4;titres;03/04/2026;;Sans heure\n"
        + "B-5;titres;29/03/2026;02:15;Heure qui n'existe pas\n"
        + "B-1;titres;03/04/2026;10:00;Doublon\n";
    HttpResponse<Buffer> response = upload("", utf8(csv));
    assertThat(response.statusCode()).isEqualTo(422);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("error")).isEqualTo("invalid_csv");
    assertThat(body.getInteger("imported")).isZero();
    assertThat(body.getJsonArray("errors")).extracting(o -> ((JsonObject) o).getInteger("line"))
        .containsExactly(3, 4, 5, 6, 7);
    assertThat(body.getJsonArray("errors").getJsonObject(0).getString("message")).contains("inconnu");
    assertThat(body.getJsonArray("errors").getJsonObject(4).getString("message")).contains("line 2");
    assertThat(day("2026-04-03")).isEmpty();
  }

  @Test
  void line_numbers_count_line_breaks_inside_quoted_fields() {
    String csv = "reference;service;date;heure;nom\n"
        + "L-1;titres;30/03/2026;09:00;\"Deux\nlignes\"\n"
        + "L-2;titres;30/03/2026;99:00;Mauvaise heure\n";
    JsonObject body = upload("", utf8(csv)).bodyAsJsonObject();
    assertThat(body.getJsonArray("errors").getJsonObject(0).getInteger("line")).isEqualTo(4);
  }

  @Test
  void dry_run_validates_only() {
    String csv = "reference;service;date;heure;nom\nD-1;titres;09/04/2026;09:00;Essai\n";
    HttpResponse<Buffer> response = upload("?dryRun=true", utf8(csv));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getInteger("valid")).isEqualTo(1);
    assertThat(response.bodyAsJsonObject().getBoolean("dryRun")).isTrue();
    assertThat(day("2026-04-09")).isEmpty();
  }

  @Test
  void importing_the_same_rows_again_creates_no_duplicate_and_picks_up_changes() {
    String csv = "reference;service;date;heure;nom\nR-1;titres;07/04/2026;09:00;Un\nR-2;titres;07/04/2026;09:20;Deux\n";
    assertThat(upload("", utf8(csv)).bodyAsJsonObject().getInteger("imported")).isEqualTo(2);
    JsonObject again = upload("", utf8(csv)).bodyAsJsonObject();
    assertThat(again.getInteger("imported")).isZero();
    assertThat(again.getInteger("unchanged")).isEqualTo(2);
    String moved = "reference;service;date;heure;nom\nR-1;titres;07/04/2026;11:00;Un\nR-2;titres;07/04/2026;09:20;Deux\n";
    JsonObject third = upload("", utf8(moved)).bodyAsJsonObject();
    assertThat(third.getInteger("updated")).isEqualTo(1);
    assertThat(day("2026-04-07")).hasSize(2)
        .extracting(o -> ((JsonObject) o).getString("localStart"))
        .containsExactly("2026-04-07T09:20", "2026-04-07T11:00");
  }

  @Test
  void broken_files_get_a_clear_4xx() {
    HttpResponse<Buffer> unclosed = upload("",
        utf8("reference;service;date;heure;nom\nX;titres;08/04/2026;09:00;\"never closed\n"));
    assertThat(unclosed.statusCode()).isEqualTo(422);
    assertThat(unclosed.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("message"))
        .contains("never closed");

    HttpResponse<Buffer> missingColumn = upload("", utf8("reference;service;date;nom\nX;titres;08/04/2026;A\n"));
    assertThat(missingColumn.statusCode()).isEqualTo(422);
    assertThat(missingColumn.bodyAsString()).contains("missing column heure");

    assertThat(upload("", new byte[0]).statusCode()).isEqualTo(400);
    assertThat(upload("", new byte[]{0, 1, 2, (byte) 0xFF, (byte) 0xFE}).statusCode()).isBetween(400, 499);
    assertThat(day("2026-04-08")).isEmpty();
  }
}
