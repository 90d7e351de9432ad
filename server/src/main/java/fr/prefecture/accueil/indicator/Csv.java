package fr.prefecture.accueil.indicator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * A report as CSV for French spreadsheet software: UTF-8 with a BOM, ';' between fields, decimal
 * commas, CRLF line ends, a header row, the rows, then a "total" row (when the report has totals).
 * Reasons of refusal become one column each. Two vocabularies: {@link #french} (French headers, service
 * names, rates in %) for managers, {@link #of} (the API's names, codes and fractions) for scripts.
 */
final class Csv {
  /** Quotes only a field that needs it (separator, quote, line break), the way spreadsheets write. */
  private static final CSVFormat FRENCH = CSVFormat.RFC4180.builder().setDelimiter(';')
      .setQuoteMode(QuoteMode.MINIMAL).setRecordSeparator("\r\n").get();

  private Csv() {}

  /** The API's vocabulary: field names, service codes, rates as fractions (the format before issue 14). */
  static byte[] of(JsonObject report) {
    return write(report, null);
  }

  /** The manager's vocabulary: French headers, service names and French keys, rates as percentages. */
  static byte[] french(JsonObject report, CsvWords words) {
    return write(report, words);
  }

  private static byte[] write(JsonObject report, CsvWords words) {
    JsonArray rows = report.getJsonArray("rows");
    JsonObject totals = report.getJsonObject("totals");
    List<String> fields = new ArrayList<>();
    TreeSet<String> reasons = new TreeSet<>();
    JsonObject sample = rows.isEmpty() ? (totals == null ? new JsonObject() : totals) : rows.getJsonObject(0);
    for (String f : sample.fieldNames()) {
      if (!f.equals("key") && !(sample.getValue(f) instanceof JsonObject)) {
        fields.add(f);
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      JsonObject r = rows.getJsonObject(i).getJsonObject("reasons");
      if (r != null) {
        reasons.addAll(r.fieldNames());
      }
    }
    StringBuilder out = new StringBuilder("\uFEFF");
    List<String> header = new ArrayList<>();
    String by = report.getString("by", "key");
    if (words == null) {
      header.add(by);
      header.addAll(fields);
      header.addAll(reasons);
    } else {
      header.add(words.keyHeader(by));
      fields.forEach(f -> header.add(words.figure(f)));
      reasons.forEach(r -> header.add(words.reason(r)));
    }
    try (CSVPrinter printer = new CSVPrinter(out, FRENCH)) {
      printer.printRecord(header);
      for (int i = 0; i < rows.size(); i++) {
        String key = rows.getJsonObject(i).getString("key");
        printer.printRecord(values(rows.getJsonObject(i), words == null ? key : words.key(by, key), fields, reasons,
            words != null));
      }
      if (totals != null) {
        printer.printRecord(values(totals, words == null ? "total" : words.totalRow(), fields, reasons,
            words != null));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder never fails
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> values(JsonObject row, String key, List<String> fields, TreeSet<String> reasons,
      boolean percent) {
    List<String> out = new ArrayList<>();
    out.add(key);
    for (String f : fields) {
      Object value = row.getValue(f);
      out.add(percent && value instanceof Number n && CsvWords.RATES.contains(f)
          ? CsvWords.percent(n).toPlainString().replace('.', ',') : number(value));
    }
    JsonObject r = row.getJsonObject("reasons", new JsonObject());
    for (String reason : reasons) {
      out.add(number(r.getValue(reason, 0L)));
    }
    return out;
  }

  private static String number(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString().replace('.', ',');
    }
    return value.toString();
  }
}
