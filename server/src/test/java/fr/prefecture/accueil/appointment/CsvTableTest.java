package fr.prefecture.accueil.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading CSV files as French tools write them: encodings, separators, quotes, line ends, and where records start. */
class CsvTableTest {
  static List<CsvTable.Record> read(String text) throws CsvTable.CsvException {
    return CsvTable.read(text.getBytes(StandardCharsets.UTF_8), 100);
  }

  @Test
  void each_record_keeps_the_line_it_starts_on_whatever_the_line_ends() throws Exception {
    List<CsvTable.Record> records = read("a;b\r\n\r\nc;\"multi\r\nline\"\rd;\"x\ny\"\ne;f");
    assertThat(records).extracting(CsvTable.Record::line).containsExactly(1, 2, 3, 5, 7);
    assertThat(records.get(1).blank()).isTrue();
    assertThat(records.get(2).fields()).containsExactly("c", "multi\nline");
    assertThat(records.get(3).fields()).containsExactly("d", "x\ny");
    assertThat(records.get(4).fields()).containsExactly("e", "f");
  }

  @Test
  void the_separator_is_the_most_frequent_of_the_header_outside_quotes() throws Exception {
    assertThat(read("\"a;b\",c,d\n1,2,3\n").get(0).fields()).containsExactly("a;b", "c", "d");
    assertThat(read("a\tb\tc\n1\t2\t\"x;y\"\n").get(1).fields()).containsExactly("1", "2", "x;y");
    assertThat(read("a;b,c\n1;2,3\n").get(1).fields()).containsExactly("1", "2,3");
  }

  @Test
  void doubled_quotes_spaces_around_quoted_fields_and_quotes_inside_plain_text() throws Exception {
    CsvTable.Record record = read("\"Dupont \"\"Jeannot\"\"\" ; x\"y ;  \"z\"  \n").get(0);
    assertThat(record.fields()).containsExactly("Dupont \"Jeannot\"", "x\"y", "z");
  }

  @Test
  void windows_1252_and_a_utf8_bom_are_recognised() throws Exception {
    byte[] latin = "nom;ville\nFrançoise;Évry\n".getBytes(Charset.forName("windows-1252"));
    assertThat(CsvTable.read(latin, 10).get(1).fields()).containsExactly("Françoise", "Évry");
    byte[] bom = "\uFEFFnom;ville\nHélène;Sète\n".getBytes(StandardCharsets.UTF_8);
    assertThat(CsvTable.read(bom, 10).get(0).fields()).containsExactly("nom", "ville");
  }

  @Test
  void a_quote_never_closed_is_reported_on_the_line_its_record_starts() {
    assertThatThrownBy(() -> read("a;b\n1;2\nx;\"never\nclosed\n"))
        .isInstanceOfSatisfying(CsvTable.CsvException.class, e -> {
          assertThat(e.line).isEqualTo(3);
          assertThat(e.getMessage()).isEqualTo("a quoted field is never closed");
        });
  }

  @Test
  void text_after_a_closing_quote_is_reported_with_its_line() {
    assertThatThrownBy(() -> read("a;b\n\"one\ntwo\";2\n\"x\"y;2\n"))
        .isInstanceOfSatisfying(CsvTable.CsvException.class, e -> {
          assertThat(e.line).isEqualTo(4);
          assertThat(e.getMessage()).isEqualTo("unexpected text after a closing quote");
        });
  }

  @Test
  void too_many_rows_stop_the_reading() {
    assertThatThrownBy(() -> CsvTable.read("h\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8), 2))
        .isInstanceOfSatisfying(CsvTable.CsvException.class, e -> {
          assertThat(e.line).isEqualTo(3);
          assertThat(e.getMessage()).contains("too many rows");
        });
  }
}
