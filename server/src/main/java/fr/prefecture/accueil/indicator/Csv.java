package fr.prefecture.accueil.indicator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A report as CSV for French spreadsheet software: UTF-8 with a BOM, ';' between fields, decimal
 * commas, CRLF line ends, a header row, the rows, then a "total" row (when the report has totals).
 * Reasons of refusal become one column each.
 */
final class Csv {
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
    line(out, header);
    for (int i = 0; i < rows.size(); i++) {
      line(out, values(rows.getJsonObject(i), rows.getJsonObject(i).getString("key"), fields, reasons));
    }
    if (totals != null) {
      line(out, values(totals, "total", fields, reasons));
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

  static String number(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString().replace('.', ',');
    }
    return value.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      if (c.contains(";") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        c = "\"" + c.replace("\"", "\"\"") + "\"";
      }
      out.append(i == 0 ? "" : ";").append(c);
    }
    out.append("\r\n");
  }
}
