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
 * Reasons of refusal become one column each.
 */
final class Csv {
  /** Quotes only a field that needs it (separator, quote, line break), the way spreadsheets write. */
  private static final CSVFormat FRENCH = CSVFormat.RFC4180.builder().setDelimiter(';')
      .setQuoteMode(QuoteMode.MINIMAL).setRecordSeparator("\r\n").get();

  private Csv() {}

  static byte[] of(JsonObject report) {
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
    header.add(report.getString("by", "key"));
    header.addAll(fields);
    header.addAll(reasons);
    try (CSVPrinter printer = new CSVPrinter(out, FRENCH)) {
      printer.printRecord(header);
      for (int i = 0; i < rows.size(); i++) {
        printer.printRecord(values(rows.getJsonObject(i), rows.getJsonObject(i).getString("key"), fields, reasons));
      }
      if (totals != null) {
        printer.printRecord(values(totals, "total", fields, reasons));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder never fails
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> values(JsonObject row, String key, List<String> fields, TreeSet<String> reasons) {
    List<String> out = new ArrayList<>();
    out.add(key);
    for (String f : fields) {
      out.add(number(row.getValue(f)));
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
