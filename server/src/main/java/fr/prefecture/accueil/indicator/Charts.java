package fr.prefecture.accueil.indicator;

import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.Templates;
import fr.prefecture.accueil.site.Site;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's charts, drawn here as SVG with the templates of {@code templates/charts}: no script, no inline
 * style (the pages' CSP holds), the same figures as the tables under them, the words from the bundle.
 */
final class Charts {
  static final List<String> REASONS = List.of("too_early", "too_late", "wrong_day", "cancelled", "already_inside",
      "not_inside", "invalid_signature", "unknown_key", "malformed", "unknown_convocation");
  static final List<String> PAN = List.of("booked", "honoured", "released", "reused", "slotWalkIns", "walkInsServed");

  private final Site site;
  private final Indicators indicators;
  private final Occupancy occupancy;
  private final Templates templates = Templates.compile(
      "charts/columns", "charts/bars", "charts/trend", "charts/heatmap", "charts/waiting");
  private final ChartShapes shapes = new ChartShapes(label("chart.empty"));

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
      case "flows.svg" -> indicators.report(with(q, Family.FLOWS, Grouping.HOUR)).map(r -> svg("charts/columns",
          shapes.columns(label("chart.flows.title"), r.getJsonArray("rows"), "admissions",
              label("chart.flows.admissions"), "exits", label("chart.flows.exits"))));
      case "occupancy.svg" -> occupancy.day(day).map(r -> svg("charts/columns",
          shapes.columns(label("chart.occupancy.title", Map.of("day", day)), r.getJsonArray("rows"), "inside",
              label("chart.occupancy.inside"), null, null)));
      case "refusals.svg" -> indicators.report(with(q, Family.REFUSALS, Grouping.TOTAL)).map(this::refusals);
      case "pan.svg" -> indicators.report(with(q, Family.PAN, Grouping.TOTAL)).map(this::pan);
      default -> Future.failedFuture(new ApiException(404, "unknown_chart", "No chart '" + name + "'"));
    };
  }

  private static Indicators.Query with(Indicators.Query q, Family family, Grouping by) {
    return new Indicators.Query(family, by, q.service(), q.from(), q.to(), q.raw());
  }

  private String svg(String template, Svg.Chart chart) {
    return templates.render(template, chart);
  }

  /** "French / English" as the charts write their words; one word when both languages write it alike. */
  String label(String key, Map<String, ?> values) {
    String fr = templates.text(key + ".fr", values);
    String en = templates.text(key + ".en", values);
    return fr.equals(en) ? fr : fr + " / " + en;
  }

  String label(String key) {
    return label(key, Map.of());
  }

  String trend(JsonObject report) {
    return svg("charts/trend", shapes.trend(label("chart.trend.title"), report.getJsonArray("rows"),
        label("chart.trend.due"), label("chart.trend.rate")));
  }

  String heatMap(Map<String, Raw> rows) {
    String[] fr = templates.text("chart.weekdays.fr").split(",");
    String[] en = templates.text("chart.weekdays.en").split(",");
    List<String> weekdays = new ArrayList<>();
    for (int d = 0; d < 7; d++) {
      weekdays.add(fr[d] + " " + en[d]);
    }
    return svg("charts/heatmap", shapes.heatMap(label("chart.noShowMap.title"), rows, weekdays));
  }

  /** Service names come from the site's configuration: the template escapes them like any value. */
  String waiting(Map<String, Raw> rows) {
    return svg("charts/waiting", shapes.waiting(label("chart.waiting.title"), rows,
        code -> site.service(code).map(s -> s.name().fr()).orElse(code)));
  }

  String refusals(JsonObject report) {
    JsonObject reasons = report.getJsonObject("totals").getJsonObject("reasons");
    Map<String, Long> values = new LinkedHashMap<>();
    reasons.fieldNames().stream().sorted((a, b) -> Long.compare(reasons.getLong(b), reasons.getLong(a)))
        .forEach(r -> values.put(REASONS.contains(r) ? label("chart.reason." + r) : r, reasons.getLong(r)));
    return svg("charts/bars", shapes.bars(label("chart.refusals.title"), values));
  }

  String pan(JsonObject report) {
    JsonObject t = report.getJsonObject("totals");
    Map<String, Long> values = new LinkedHashMap<>();
    PAN.forEach(figure -> values.put(label("chart.pan." + figure), t.getLong(figure)));
    return svg("charts/bars", shapes.bars(label("chart.pan.title"), values));
  }
}
