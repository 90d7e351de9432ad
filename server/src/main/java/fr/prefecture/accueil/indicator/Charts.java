package fr.prefecture.accueil.indicator;

import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.Html;
import fr.prefecture.accueil.site.Site;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's charts, drawn here as SVG: no script, no inline style (the pages' CSP holds),
 * the same figures as the tables under them. Values are written on the marks and a second series
 * is hatched, so nothing is told by colour alone.
 */
final class Charts {
  static final int W = 760;
  static final int H = 320;
  static final String INK = "#1d3f73";
  static final String[] WEEKDAYS = {"lun. Mon", "mar. Tue", "mer. Wed", "jeu. Thu", "ven. Fri", "sam. Sat", "dim. Sun"};

  private final Site site;
  private final Indicators indicators;
  private final Occupancy occupancy;

  Charts(Site site, Indicators indicators, Occupancy occupancy) {
    this.site = site;
    this.indicators = indicators;
    this.occupancy = occupancy;
  }

  Future<String> render(String name, Indicators.Query q, LocalDate day) {
    return switch (name) {
      case "trend.svg" -> indicators.report(with(q, Family.NO_SHOWS, Grouping.WEEK)).map(this::trend);
      case "no-show-map.svg" -> indicators.raw(with(q, Family.NO_SHOWS, Grouping.WEEKDAY_HOUR)).map(this::heatMap);
      case "waiting.svg" -> indicators.raw(with(q, Family.WAITING_TIMES, Grouping.SERVICE)).map(this::waiting);
      case "flows.svg" -> indicators.report(with(q, Family.FLOWS, Grouping.HOUR)).map(r -> columns(
          "Admissions et sorties par heure / Admissions and exits per hour", r.getJsonArray("rows"),
          "admissions", "Admissions", "exits", "Sorties / exits"));
      case "occupancy.svg" -> occupancy.day(day).map(r -> columns("Personnes présentes, " + day
          + " (fin de chaque heure) / People inside", r.getJsonArray("rows"), "inside", "Présents / inside", null, null));
      case "refusals.svg" -> indicators.report(with(q, Family.REFUSALS, Grouping.TOTAL)).map(this::refusals);
      case "pan.svg" -> indicators.report(with(q, Family.PAN, Grouping.TOTAL)).map(this::pan);
      default -> Future.failedFuture(new ApiException(404, "unknown_chart", "No chart '" + name + "'"));
    };
  }

  private static Indicators.Query with(Indicators.Query q, Family family, Grouping by) {
    return new Indicators.Query(family, by, q.service(), q.from(), q.to(), q.raw());
  }

  private static StringBuilder open(String title, int height) {
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(height)
        .append("\" width=\"").append(W).append("\" height=\"").append(height)
        .append("\" role=\"img\" aria-labelledby=\"t\" font-family=\"sans-serif\" font-size=\"12\">")
        .append("<title id=\"t\">").append(Html.escape(title)).append("</title>")
        .append("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" ")
        .append("patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>")
        .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#6b2c00\" stroke-width=\"3\"/></pattern></defs>")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    text(svg, 10, 18, title, "start", 14, "bold");
    return svg;
  }

  private static void text(StringBuilder svg, double x, double y, String s, String anchor, int size, String weight) {
    svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" text-anchor=\"").append(anchor)
        .append("\" font-size=\"").append(size).append("\" font-weight=\"").append(weight).append("\" fill=\"#111111\">")
        .append(Html.escape(s)).append("</text>");
  }

  private static void rect(StringBuilder svg, double x, double y, double w, double h, String fill) {
    svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"").append(fmt(w))
        .append("\" height=\"").append(fmt(h)).append("\" fill=\"").append(fill).append("\" stroke=\"").append(INK)
        .append("\" stroke-width=\"0.5\"/>");
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String empty(StringBuilder svg, int height) {
    text(svg, W / 2.0, height / 2.0, "Aucune donnée sur la période / No data for this period", "middle", 13, "normal");
    return svg.append("</svg>").toString();
  }

  private static long number(JsonObject row, String field) {
    Object v = row.getValue(field);
    return v instanceof Number n ? n.longValue() : 0;
  }

  /** Vertical bars, one or two series (the second hatched), values on the bars, a legend. */
  static String columns(String title, JsonArray rows, String field, String label, String field2, String label2) {
    StringBuilder svg = open(title, H);
    List<JsonObject> list = new ArrayList<>();
    rows.forEach(r -> list.add((JsonObject) r));
    list.removeIf(r -> number(r, field) == 0 && (field2 == null || number(r, field2) == 0));
    if (list.isEmpty()) {
      return empty(svg, H);
    }
    long max = 1;
    for (JsonObject r : list) {
      max = Math.max(max, Math.max(number(r, field), field2 == null ? 0 : number(r, field2)));
    }
    double left = 40;
    double top = 50;
    double plot = H - top - 40;
    double slot = (W - left - 10) / list.size();
    int series = field2 == null ? 1 : 2;
    double bar = Math.min(40, slot * 0.8 / series);
    legend(svg, label, label2);
    svg.append("<line x1=\"").append(fmt(left)).append("\" y1=\"").append(fmt(top + plot)).append("\" x2=\"")
        .append(W - 10).append("\" y2=\"").append(fmt(top + plot)).append("\" stroke=\"#111111\"/>");
    for (int i = 0; i < list.size(); i++) {
      JsonObject r = list.get(i);
      double x = left + i * slot + (slot - bar * series) / 2;
      for (int s = 0; s < series; s++) {
        long v = number(r, s == 0 ? field : field2);
        double h = plot * v / max;
        rect(svg, x + s * bar, top + plot - h, bar, h, s == 0 ? INK : "url(#hatch)");
        text(svg, x + s * bar + bar / 2, top + plot - h - 3, String.valueOf(v), "middle", 10, "normal");
      }
      text(svg, left + i * slot + slot / 2, top + plot + 15, r.getString("key"), "middle", 10, "normal");
    }
    return svg.append("</svg>").toString();
  }

  private static void legend(StringBuilder svg, String label, String label2) {
    rect(svg, 10, 28, 12, 12, INK);
    text(svg, 26, 38, label, "start", 11, "normal");
    if (label2 != null) {
      rect(svg, 200, 28, 12, 12, "url(#hatch)");
      text(svg, 216, 38, label2, "start", 11, "normal");
    }
  }

  /** Horizontal bars with their values: one bar per label. */
  static String bars(String title, Map<String, Long> values) {
    int height = Math.max(120, 50 + values.size() * 26);
    StringBuilder svg = open(title, height);
    if (values.values().stream().allMatch(v -> v == 0)) {
      return empty(svg, height);
    }
    long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
    double left = 260;
    double width = W - left - 60;
    int i = 0;
    for (Map.Entry<String, Long> e : values.entrySet()) {
      double y = 36 + i * 26;
      double w = width * e.getValue() / max;
      text(svg, left - 6, y + 14, e.getKey(), "end", 11, "normal");
      rect(svg, left, y + 2, w, 18, INK);
      text(svg, left + w + 4, y + 15, String.valueOf(e.getValue()), "start", 11, "bold");
      i++;
    }
    return svg.append("</svg>").toString();
  }

  /** Weekly due appointments (bars) and no-show rate (line with its value at each point). */
  String trend(JsonObject report) {
    JsonArray rows = report.getJsonArray("rows");
    StringBuilder svg = open("Rendez-vous dus et taux d'absence par semaine / Due appointments and no-show rate per week", H);
    if (rows.isEmpty()) {
      return empty(svg, H);
    }
    long max = 1;
    for (int i = 0; i < rows.size(); i++) {
      max = Math.max(max, number(rows.getJsonObject(i), "due"));
    }
    double left = 40;
    double top = 50;
    double plot = H - top - 40;
    double slot = (W - left - 10) / rows.size();
    double bar = Math.min(40, slot * 0.6);
    legend(svg, "Rendez-vous dus / due", null);
    text(svg, 200, 38, "— ● Taux d'absence (%) / no-show rate", "start", 11, "normal");
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      JsonObject r = rows.getJsonObject(i);
      long due = number(r, "due");
      double x = left + i * slot + slot / 2;
      double h = plot * due / max;
      rect(svg, x - bar / 2, top + plot - h, bar, h, "#c9d6ea");
      text(svg, x, top + plot - 3, String.valueOf(due), "middle", 9, "normal");
      text(svg, x, top + plot + 15, r.getString("key"), "middle", 9, "normal");
      Double rate = r.getDouble("rate");
      if (rate != null) {
        double y = top + plot - plot * Math.min(1, rate / 0.3);
        line.append(line.length() == 0 ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
        svg.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"3.5\" fill=\"")
            .append(INK).append("\"/>");
        text(svg, x, y - 7, String.format(Locale.FRANCE, "%.1f %%", rate * 100), "middle", 10, "bold");
      }
    }
    svg.append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"").append(INK)
        .append("\" stroke-width=\"2\"/>");
    return svg.append("</svg>").toString();
  }

  /** Weekday × hour map of no-shows: the count in every cell, darker for more. */
  String heatMap(Map<String, Raw> rows) {
    int height = 60 + 7 * 30;
    StringBuilder svg = open("Absences (no-shows) par jour et heure / No-shows by weekday and hour", height);
    if (rows.isEmpty()) {
      return empty(svg, height);
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
    for (int h = firstHour; h <= lastHour; h++) {
      text(svg, left + (h - firstHour) * cell + cell / 2, 44, "%02dh".formatted(h), "middle", 10, "normal");
    }
    for (int d = 1; d <= 7; d++) {
      double y = 50 + (d - 1) * 30;
      text(svg, left - 6, y + 18, WEEKDAYS[d - 1], "end", 11, "normal");
      for (int h = firstHour; h <= lastHour; h++) {
        Raw raw = rows.get(d + "-" + "%02d".formatted(h));
        long v = raw == null ? 0 : raw.sums[1];
        int shade = (int) Math.round(245 - 200.0 * v / max);
        String fill = "#%02x%02x%02x".formatted(shade, shade, Math.min(255, shade + 10));
        double x = left + (h - firstHour) * cell;
        rect(svg, x, y, cell - 2, 28, fill);
        svg.append("<text x=\"").append(fmt(x + cell / 2 - 1)).append("\" y=\"").append(fmt(y + 18))
            .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"").append(shade < 140 ? "#ffffff" : "#111111")
            .append("\">").append(v).append("</text>");
      }
    }
    return svg.append("</svg>").toString();
  }

  /** One small histogram of waiting times per service, 5-minute classes, counts on the bars. */
  String waiting(Map<String, Raw> rows) {
    int panel = 120;
    int height = Math.max(120, 30 + rows.size() * panel);
    StringBuilder svg = open("Répartition des temps d'attente (minutes) / Waiting-time distribution", height);
    if (rows.isEmpty()) {
      return empty(svg, height);
    }
    String[] classes = {"0-4", "5-9", "10-14", "15-19", "20-29", "30-44", "45-59", "60+"};
    int[] bounds = {5, 10, 15, 20, 30, 45, 60, Integer.MAX_VALUE};
    int p = 0;
    for (Map.Entry<String, Raw> e : rows.entrySet()) {
      long[] counts = new long[classes.length];
      e.getValue().minutes.forEach((m, n) -> {
        int c = 0;
        while (m >= bounds[c]) {
          c++;
        }
        counts[c] += n;
      });
      long max = 1;
      for (long c : counts) {
        max = Math.max(max, c);
      }
      double top = 30 + p * panel;
      String name = site.service(e.getKey()).map(s -> s.name().fr()).orElse(e.getKey());
      text(svg, 10, top + 14, name, "start", 12, "bold");
      double left = 60;
      double slot = (W - left - 10) / classes.length;
      double plot = panel - 50;
      for (int c = 0; c < classes.length; c++) {
        double h = plot * counts[c] / max;
        double x = left + c * slot + slot * 0.15;
        rect(svg, x, top + 22 + plot - h, slot * 0.7, h, INK);
        text(svg, x + slot * 0.35, top + 20 + plot - h, String.valueOf(counts[c]), "middle", 10, "normal");
        text(svg, x + slot * 0.35, top + 36 + plot, classes[c] + " min", "middle", 10, "normal");
      }
      p++;
    }
    return svg.append("</svg>").toString();
  }

  static final Map<String, String> REASONS = new LinkedHashMap<>();

  static {
    REASONS.put("too_early", "Trop tôt / too early");
    REASONS.put("too_late", "Trop tard / too late");
    REASONS.put("wrong_day", "Mauvais jour / wrong day");
    REASONS.put("cancelled", "Annulé / cancelled");
    REASONS.put("already_inside", "Déjà entré / already inside");
    REASONS.put("not_inside", "Pas entré / not inside");
    REASONS.put("invalid_signature", "Signature invalide / invalid signature");
    REASONS.put("unknown_key", "Clé inconnue / unknown key");
    REASONS.put("malformed", "Code illisible / malformed");
    REASONS.put("unknown_convocation", "Convocation inconnue / unknown");
  }

  String refusals(JsonObject report) {
    JsonObject reasons = report.getJsonObject("totals").getJsonObject("reasons");
    Map<String, Long> values = new LinkedHashMap<>();
    reasons.fieldNames().stream().sorted((a, b) -> Long.compare(reasons.getLong(b), reasons.getLong(a)))
        .forEach(r -> values.put(REASONS.getOrDefault(r, r), reasons.getLong(r)));
    return bars("Refus à la guérite par motif / Refusals at the gate by reason", values);
  }

  String pan(JsonObject report) {
    JsonObject t = report.getJsonObject("totals");
    Map<String, Long> values = new LinkedHashMap<>();
    values.put("Créneaux réservés / booked", t.getLong("booked"));
    values.put("Honorés / honoured", t.getLong("honoured"));
    values.put("Libérés / released", t.getLong("released"));
    values.put("Libérés réutilisés / reused", t.getLong("reused"));
    values.put("Sans RDV en créneau / walk-ins in slots", t.getLong("slotWalkIns"));
    values.put("Sans RDV servis / walk-ins served", t.getLong("walkInsServed"));
    return bars("Point d'accueil numérique (PAN) / Digital help desk", values);
  }
}
