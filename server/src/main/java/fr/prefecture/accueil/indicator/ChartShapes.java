package fr.prefecture.accueil.indicator;

import static fr.prefecture.accueil.indicator.Svg.INK;
import static fr.prefecture.accueil.indicator.Svg.W;
import static fr.prefecture.accueil.indicator.Svg.fmt;
import static fr.prefecture.accueil.indicator.Svg.rect;
import static fr.prefecture.accueil.indicator.Svg.text;

import fr.prefecture.accueil.indicator.Svg.Chart;
import fr.prefecture.accueil.indicator.Svg.Group;
import fr.prefecture.accueil.indicator.Svg.Mark;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The geometry of the dashboard's charts: where each bar, cell and figure goes. Values are written on the marks and
 * a second series is hatched, so nothing is told by colour alone. Pure functions of the figures and the labels.
 */
final class ChartShapes {
  static final int H = 320;
  /** Where plots start: below the title (to 18) and the legend (to 41), with room for the tallest bar's value. */
  private static final int TOP = 60;
  private static final String[] CLASSES = {"0-4", "5-9", "10-14", "15-19", "20-29", "30-44", "45-59", "60+"};
  private static final int[] BOUNDS = {5, 10, 15, 20, 30, 45, 60, Integer.MAX_VALUE};

  private final String noData;

  /** {@code noData} is written in the middle of a chart with nothing to show. */
  ChartShapes(String noData) {
    this.noData = noData;
  }

  private static long number(JsonObject row, String field) {
    Object v = row.getValue(field);
    return v instanceof Number n ? n.longValue() : 0;
  }

  /** Vertical bars, one or two series (the second hatched), values on the bars, a legend. */
  Chart columns(String title, JsonArray rows, String field, String label, String field2, String label2) {
    List<JsonObject> list = new ArrayList<>();
    rows.forEach(r -> list.add((JsonObject) r));
    list.removeIf(r -> number(r, field) == 0 && (field2 == null || number(r, field2) == 0));
    if (list.isEmpty()) {
      return Svg.empty(title, H, noData);
    }
    long max = 1;
    for (JsonObject r : list) {
      max = Math.max(max, Math.max(number(r, field), field2 == null ? 0 : number(r, field2)));
    }
    double left = 40;
    double top = TOP;
    double plot = H - top - 40;
    double slot = (W - left - 10) / list.size();
    int series = field2 == null ? 1 : 2;
    double bar = Math.min(40, slot * 0.8 / series);
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonObject r = list.get(i);
      double x = left + i * slot + (slot - bar * series) / 2;
      List<Mark> bars = new ArrayList<>();
      for (int s = 0; s < series; s++) {
        long v = number(r, s == 0 ? field : field2);
        double h = plot * v / max;
        bars.add(new Mark(rect(x + s * bar, top + plot - h, bar, h, s == 0 ? INK : "url(#hatch)"),
            text(x + s * bar + bar / 2, top + plot - h - 3, v, "middle", 10, "normal"), null));
      }
      groups
          .add(new Group(text(left + i * slot + slot / 2, top + plot + 15, r.getString("key"), "middle", 10, "normal"),
              bars));
    }
    Svg.Axis axis = new Svg.Axis(fmt(left), String.valueOf(W - 10), fmt(top + plot));
    return Svg.chart(title, H, new Svg.Columns(legend(label, label2), axis, groups));
  }

  private static List<Mark> legend(String label, String label2) {
    List<Mark> keys = new ArrayList<>();
    keys.add(new Mark(rect(10, 28, 12, 12, INK), null, text(26, 38, label, "start", 11, "normal")));
    if (label2 != null) {
      keys.add(new Mark(rect(200, 28, 12, 12, "url(#hatch)"), null, text(216, 38, label2, "start", 11, "normal")));
    }
    return keys;
  }

  /** Horizontal bars with their values: one bar per label. */
  Chart bars(String title, Map<String, Long> values) {
    int height = Math.max(120, 50 + values.size() * 26);
    if (values.values().stream().allMatch(v -> v == 0)) {
      return Svg.empty(title, height, noData);
    }
    long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
    double left = 260;
    double width = W - left - 60;
    List<Mark> rows = new ArrayList<>();
    for (Map.Entry<String, Long> e : values.entrySet()) {
      double y = 36 + rows.size() * 26;
      double w = width * e.getValue() / max;
      rows.add(new Mark(rect(left, y + 2, w, 18, INK), text(left + w + 4, y + 15, e.getValue(), "start", 11, "bold"),
          text(left - 6, y + 14, e.getKey(), "end", 11, "normal")));
    }
    return Svg.chart(title, height, rows);
  }

  /** Weekly due appointments (bars) and no-show rate (line with its value at each point). */
  Chart trend(String title, JsonArray rows, String dueLabel, String rateLabel) {
    if (rows.isEmpty()) {
      return Svg.empty(title, H, noData);
    }
    long max = 1;
    for (int i = 0; i < rows.size(); i++) {
      max = Math.max(max, number(rows.getJsonObject(i), "due"));
    }
    double left = 40;
    double top = TOP;
    double plot = H - top - 40;
    double slot = (W - left - 10) / rows.size();
    double bar = Math.min(40, slot * 0.6);
    StringBuilder line = new StringBuilder();
    List<Svg.Week> weeks = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonObject r = rows.getJsonObject(i);
      long due = number(r, "due");
      double x = left + i * slot + slot / 2;
      double h = plot * due / max;
      // The count under the week's key, not on the bar, where the rate's line and figures could run over it.
      Mark mark = new Mark(rect(x - bar / 2, top + plot - h, bar, h, "#c9d6ea"),
          text(x, top + plot + 27, due, "middle", 9, "normal"),
          text(x, top + plot + 14, r.getString("key"), "middle", 9,
              "normal"));
      Svg.Point point = null;
      Double rate = r.getDouble("rate");
      if (rate != null) {
        double y = top + plot - plot * Math.min(1, rate / 0.3);
        line.append(line.length() == 0 ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
        point = new Svg.Point(fmt(x), fmt(y),
            text(x, y - 7, String.format(Locale.FRANCE, "%.1f %%", rate * 100), "middle", 10, "bold"));
      }
      weeks.add(new Svg.Week(mark, point));
    }
    return Svg.chart(title, H, new Svg.Trend(legend(dueLabel, null), text(200, 38, rateLabel, "start", 11, "normal"),
        weeks, line.toString()));
  }

  /** Weekday × hour map of no-shows: the count in every cell, darker for more. */
  Chart heatMap(String title, Map<String, Raw> rows, List<String> weekdays) {
    int height = 60 + 7 * 30;
    if (rows.isEmpty()) {
      return Svg.empty(title, height, noData);
    }
    int firstHour = 23;
    int lastHour = 0;
    long max = 1;
    for (Map.Entry<String, Raw> e : rows.entrySet()) {
      int hour = Integer.parseInt(e.getKey().substring(2));
      firstHour = Math.min(firstHour, hour);
      lastHour = Math.max(lastHour, hour);
      max = Math.max(max, e.getValue().sums[1]);
    }
    double left = 90;
    double cell = Math.min(48, (W - left - 10) / (lastHour - firstHour + 1.0));
    List<Svg.Text> hours = new ArrayList<>();
    for (int h = firstHour; h <= lastHour; h++) {
      hours.add(text(left + (h - firstHour) * cell + cell / 2, 44, "%02dh".formatted(h), "middle", 10, "normal"));
    }
    List<Group> days = new ArrayList<>();
    for (int d = 1; d <= 7; d++) {
      double y = 50 + (d - 1) * 30;
      List<Mark> cells = new ArrayList<>();
      for (int h = firstHour; h <= lastHour; h++) {
        Raw raw = rows.get(d + "-" + "%02d".formatted(h));
        long v = raw == null ? 0 : raw.sums[1];
        int shade = (int) Math.round(245 - 200.0 * v / max);
        String fill = "#%02x%02x%02x".formatted(shade, shade, Math.min(255, shade + 10));
        double x = left + (h - firstHour) * cell;
        cells.add(new Mark(rect(x, y, cell - 2, 28, fill), new Svg.Text(fmt(x + cell / 2 - 1), fmt(y + 18), "middle",
            11, "", shade < 140 ? "#ffffff" : "#111111", String.valueOf(v)), null));
      }
      days.add(new Group(text(left - 6, y + 18, weekdays.get(d - 1), "end", 11, "normal"), cells));
    }
    return Svg.chart(title, height, new Svg.HeatMap(hours, days));
  }

  /** One small histogram of waiting times per service, 5-minute classes, counts on the bars. */
  Chart waiting(String title, Map<String, Raw> rows, UnaryOperator<String> serviceName) {
    int panel = 120;
    int height = Math.max(120, 30 + rows.size() * panel);
    if (rows.isEmpty()) {
      return Svg.empty(title, height, noData);
    }
    List<Group> panels = new ArrayList<>();
    for (Map.Entry<String, Raw> e : rows.entrySet()) {
      long[] counts = new long[CLASSES.length];
      e.getValue().minutes.forEach((m, n) -> {
        int c = 0;
        while (m >= BOUNDS[c]) {
          c++;
        }
        counts[c] += n;
      });
      long max = 1;
      for (long c : counts) {
        max = Math.max(max, c);
      }
      double top = 30 + panels.size() * panel;
      double left = 60;
      double slot = (W - left - 10) / CLASSES.length;
      // The service's name on its own line (to top + 18), then room for the tallest bar's value, then the bars.
      double base = top + panel - 20;
      double plot = base - (top + 34);
      List<Mark> classes = new ArrayList<>();
      for (int c = 0; c < CLASSES.length; c++) {
        double h = plot * counts[c] / max;
        double x = left + c * slot + slot * 0.15;
        classes.add(new Mark(rect(x, base - h, slot * 0.7, h, INK),
            text(x + slot * 0.35, base - h - 3, counts[c], "middle", 10, "normal"),
            text(x + slot * 0.35, base + 13, CLASSES[c] + " min", "middle", 10, "normal")));
      }
      panels.add(new Group(text(10, top + 14, serviceName.apply(e.getKey()), "start", 12, "bold"), classes));
    }
    return Svg.chart(title, height, panels);
  }
}
