package fr.prefecture.accueil.indicator;

import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The indicator routes (manager; admin too): JSON, or CSV for French spreadsheets. */
final class IndicatorApi {
  static final int MAX_DAYS = 2200;
  static final int DEFAULT_DAYS = 28;

  private final Site site;
  private final SiteTime time;
  private final Indicators indicators;
  private final Occupancy occupancy;
  private final Charts charts;
  private final CsvWords words;

  IndicatorApi(Site site, SiteTime time, Indicators indicators, Occupancy occupancy, Charts charts) {
    this.site = site;
    this.time = time;
    this.indicators = indicators;
    this.occupancy = occupancy;
    this.charts = charts;
    this.words = new CsvWords(site);
  }

  void mount(Routes routes) {
    routes.with(Role.MANAGER).get("/indicators/occupancy").respond(this::occupancy);
    routes.with(Role.MANAGER).get("/indicators/charts/:chart").respond(this::chart);
    routes.with(Role.MANAGER).get("/indicators/:family").respond(this::report);
  }

  private Future<Buffer> report(RoutingContext ctx) {
    Family family = Family.of(ctx.pathParam("family")).orElseThrow(() -> new ApiException(404,
        "unknown_indicator", "No indicator '" + ctx.pathParam("family") + "': no-shows, waiting-times, "
            + "service-times, counters, flows, refusals, pan, occupancy"));
    return indicators.report(query(ctx, family)).map(json -> send(ctx, json));
  }

  private Future<Buffer> occupancy(RoutingContext ctx) {
    LocalDate day = param(ctx, "date").map(d -> time.parseDate("date", d)).orElse(time.today());
    format(ctx);
    return occupancy.day(day).map(json -> send(ctx, json));
  }

  private Future<String> chart(RoutingContext ctx) {
    Indicators.Query base = query(ctx, Family.NO_SHOWS);
    Optional<LocalDate> day = param(ctx, "date").map(d -> time.parseDate("date", d));
    ctx.response().putHeader("Content-Type", "image/svg+xml; charset=utf-8");
    return charts.render(ctx.pathParam("chart"), base, day.orElse(base.to()));
  }

  /** Validates the common parameters; every mistake is a 400 that names the parameter. */
  Indicators.Query query(RoutingContext ctx, Family family) {
    LocalDate to = param(ctx, "to").map(d -> time.parseDate("to", d)).orElse(time.today());
    LocalDate from = param(ctx, "from").map(d -> time.parseDate("from", d)).orElse(to.minusDays(DEFAULT_DAYS - 1));
    if (from.isAfter(to)) {
      throw ApiException.badRequest("invalid_range", "'from' (" + from + ") is after 'to' (" + to + ")");
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw ApiException.badRequest("range_too_long", "A range covers at most " + MAX_DAYS + " days (six years)");
    }
    String byCode = param(ctx, "by").orElse("day");
    Grouping by = Grouping.of(byCode).orElseThrow(() -> ApiException.badRequest("invalid_by",
        "'by' must be service, day, week, month, weekday, hour, weekday-hour or total, not '" + byCode + "'"));
    if (by == Grouping.WEEKDAY_HOUR && family.histogram()) {
      throw ApiException.badRequest("invalid_by", "'by=weekday-hour' is not available for durations");
    }
    Optional<String> service = param(ctx, "service");
    if (service.isPresent() && site.service(service.get()).isEmpty()) {
      throw ApiException.badRequest("unknown_service", "No service '" + service.get() + "'");
    }
    String source = param(ctx, "source").orElse("rollups");
    if (!source.equals("rollups") && !source.equals("raw")) {
      throw ApiException.badRequest("invalid_source", "'source' must be rollups or raw");
    }
    format(ctx);
    return new Indicators.Query(family, by, service, from, to, source.equals("raw"));
  }

  private static Optional<String> param(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.size() > 1) {
      throw ApiException.badRequest("invalid_field", "Parameter '" + name + "' given more than once");
    }
    return values.isEmpty() || values.get(0).isBlank() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static boolean format(RoutingContext ctx) {
    String format = param(ctx, "format").orElse(null);
    if (format != null && !format.equals("csv") && !format.equals("json")) {
      throw ApiException.badRequest("invalid_format", "'format' must be csv or json");
    }
    String headers = param(ctx, "headers").orElse("fr");
    if (!headers.equals("fr") && !headers.equals("api")) {
      throw ApiException.badRequest("invalid_headers", "'headers' must be fr or api");
    }
    if (format != null) {
      return format.equals("csv");
    }
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.contains("text/csv");
  }

  /** The report as CSV (a download; French unless {@code headers=api}) or JSON, as the caller asked. */
  private Buffer send(RoutingContext ctx, JsonObject json) {
    if (!format(ctx)) {
      ctx.response().putHeader("Content-Type", "application/json");
      return json.toBuffer();
    }
    String name = "indicateurs-" + json.getString("indicator") + "-"
        + (json.containsKey("date") ? json.getString("date")
            : json.getString("from") + "_" + json.getString("to") + "-par-" + json.getString("by"))
        + ".csv";
    ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    boolean api = param(ctx, "headers").filter("api"::equals).isPresent();
    return Buffer.buffer(api ? Csv.of(json) : Csv.french(json, words));
  }
}
