package fr.prefecture.accueil.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-computed scenarios for every indicator over HTTP, on the real server and a real SQLite
 * file. The gate and counters are simulated with plain SQL (as the gate would write), appointments
 * go through the API. Every figure is checked from the rollups and from the raw records. The tests only read:
 * they share one server, on which the records of {@link #monday} are written once, before the first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorApiTest {
  /** Tuesday 31 March 2026, 10:00 in Paris: Monday 30 is closed (rolled up), Tuesday is live. */
  static final Instant TUESDAY_TEN = Instant.parse("2026-03-31T08:00:00Z");

  Path dir;
  Vertx vertx;
  TestServer server;
  Pool db;
  long ticketIds = 1000;

  @BeforeAll
  void start(@TempDir Path dir) {
    this.dir = dir;
    vertx = Vertx.vertx();
    start(dir.resolve("monday"), TUESDAY_TEN);
    monday();
  }

  @AfterAll
  void stop() {
    close();
    vertx.close().await();
  }

  void start(Path data, Instant now) {
    server = TestServer.start(vertx, data, now);
    db = Database.open(vertx, data.resolve("accueil.db"));
  }

  void close() {
    if (db != null) {
      db.close().await();
    }
    if (server != null) {
      server.close();
    }
  }

  static long ms(String isoWithOffset) {
    return OffsetDateTime.parse(isoWithOffset).toInstant().toEpochMilli();
  }

  long appointment(String service, String start) {
    HttpResponse<Buffer> r = server.post("manager", "/api/appointments", new JsonObject().put("service", service)
        .put("start", start).put("visitor", new JsonObject().put("name", "Visiteur")));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject().getLong("id");
  }

  void sql(String sql, Object... params) {
    db.preparedQuery(sql).execute(Tuple.from(params)).await();
  }

  void arrive(long id, String at) {
    sql("UPDATE appointments SET arrived_at = ? WHERE id = ?", ms(at), id);
  }

  void cancel(long id) {
    assertThat(server.post("manager", "/api/appointments/" + id + "/cancel", null).statusCode()).isEqualTo(200);
  }

  void scan(String day, String at, String direction, String decision, String reason, String service) {
    sql("INSERT INTO scans (scan_id, gate, direction, at, local_date, decision, reason, service, response) "
        + "VALUES (?, 'guerite-nord', ?, ?, ?, ?, ?, ?, '{}')", "s" + (++ticketIds), direction, ms(at), day, decision,
        reason, service);
  }

  /** A ticket and its events, as the queue writes them: issued/arrival, call, recall?, served|absent. */
  void ticket(String day, String service, String kind, Long appointment, String issued, String slot, String call,
      String recall, String end, boolean absent) {
    long id = ++ticketIds;
    String last = recall == null ? call : recall;
    sql("INSERT INTO tickets (id, local_date, number, origin_service, service, kind, appointment_id, slot_start, due_at, "
        + "issued_at, status, calls, first_called_at, last_called_at, finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        id, day, "X" + id, service, service, kind, appointment, slot == null ? null : ms(slot), ms(issued), ms(issued),
        absent ? "absent" : "served", recall == null ? 1 : 2, call == null ? null : ms(call),
        last == null ? null : ms(last), ms(end));
    event(id, appointment == null ? "issued" : "arrival", issued, day, service);
    if (call != null) {
      event(id, "call", call, day, service);
    }
    if (recall != null) {
      event(id, "recall", recall, day, service);
    }
    event(id, absent ? "absent" : "served", end, day, service);
  }

  void event(long ticket, String type, String at, String day, String service) {
    sql("INSERT INTO ticket_events (ticket_id, type, at, local_date, service) VALUES (?,?,?,?,?)", ticket, type, ms(at),
        day, service);
  }

  JsonObject get(String uri) {
    HttpResponse<Buffer> r = server.get("manager", uri);
    assertThat(r.statusCode()).as(uri + " " + r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  /** The report from the rollups, after checking that the raw recomputation gives the very same figures. */
  JsonObject report(String uri) {
    JsonObject rollups = get(uri);
    JsonObject raw = get(uri + (uri.contains("?") ? "&" : "?") + "source=raw");
    assertThat(raw.copy().put("source", "rollups")).as("raw recomputation of " + uri).isEqualTo(rollups);
    return rollups;
  }

  static JsonObject row(JsonObject report, String key) {
    JsonArray rows = report.getJsonArray("rows");
    for (int i = 0; i < rows.size(); i++) {
      if (rows.getJsonObject(i).getString("key").equals(key)) {
        JsonObject r = rows.getJsonObject(i).copy();
        r.remove("previous");
        return r;
      }
    }
    throw new AssertionError("no row " + key + " in " + rows.encode());
  }

  /** Monday 30 March (closed) and Tuesday 31 March until 10:00 (live), service titres and the PAN. */
  void monday() {
    long a1 = appointment("titres", "2026-03-30T09:00");
    long a2 = appointment("titres", "2026-03-30T09:00");
    long a3 = appointment("titres", "2026-03-30T09:30");
    long a4 = appointment("titres", "2026-03-30T10:00");
    appointment("titres", "2026-03-31T09:45");
    appointment("titres", "2026-03-31T09:00");
    arrive(a1, "2026-03-30T08:50+02:00");
    cancel(a3);
    arrive(a4, "2026-03-30T09:55+02:00");
    cancel(a4);

    String d = "2026-03-30";
    ticket(d, "titres", "appointment", a1, "2026-03-30T08:50+02:00", null, "2026-03-30T09:12+02:00", null,
        "2026-03-30T09:27+02:00", false);
    ticket(d, "titres", "appointment", a4, "2026-03-30T09:55+02:00", null, "2026-03-30T10:03:30+02:00", null,
        "2026-03-30T10:13:59+02:00", false);
    ticket(d, "titres", "walk-in", null, "2026-03-30T09:00+02:00", null, "2026-03-30T09:20+02:00", null,
        "2026-03-30T09:25+02:00", false);
    ticket(d, "titres", "walk-in", null, "2026-03-30T09:05+02:00", null, "2026-03-30T09:06+02:00", null,
        "2026-03-30T09:16+02:00", false);
    ticket(d, "titres", "walk-in", null, "2026-03-30T09:10+02:00", null, "2026-03-30T09:40+02:00",
        "2026-03-30T09:43+02:00", "2026-03-30T09:46+02:00", true);

    scan(d, "2026-03-30T08:20+02:00", "in", "refuse", "too_early", "titres");
    scan(d, "2026-03-30T08:50+02:00", "in", "admit", "ok", "titres");
    scan(d, "2026-03-30T09:00+02:00", "in", "refuse", "wrong_day", "titres");
    scan(d, "2026-03-30T09:35+02:00", "out", "admit", "ok", "titres");
    scan(d, "2026-03-30T09:55+02:00", "in", "admit", "ok", "titres");
    scan(d, "2026-03-30T10:20+02:00", "out", "admit", "ok", "titres");

    // PAN (slots of 20 min, capacity 2, grace 15): two bookings at 09:00, one came; two walk-ins.
    long p1 = appointment("pan", "2026-03-30T09:00");
    appointment("pan", "2026-03-30T09:00");
    arrive(p1, "2026-03-30T08:55+02:00");
    ticket(d, "pan", "slot", null, "2026-03-30T09:16+02:00", "2026-03-30T09:00+02:00", null, null,
        "2026-03-30T09:30+02:00", false);
    ticket(d, "pan", "slot", null, "2026-03-30T09:18+02:00", "2026-03-30T09:20+02:00", null, null,
        "2026-03-30T09:50+02:00", false);

    assertThat(server.verticle.indicators().buildRollups().await()).isGreaterThan(0);
  }

  @Test
  void no_shows_count_honoured_cancelled_pending_and_honoured_wins_over_a_cancellation_after_arrival() {
    JsonObject byDay = report("/api/indicators/no-shows?from=2026-03-30&to=2026-03-31&by=day&service=titres");
    assertThat(row(byDay, "2026-03-30")).isEqualTo(new JsonObject().put("key", "2026-03-30").put("due", 3)
        .put("honoured", 2).put("noShows", 1).put("cancelled", 1).put("pending", 0).put("rate", 0.3333));
    assertThat(row(byDay, "2026-03-31")).isEqualTo(new JsonObject().put("key", "2026-03-31").put("due", 2)
        .put("honoured", 0).put("noShows", 1).put("cancelled", 0).put("pending", 1).put("rate", 1.0));
    JsonObject byHour = report("/api/indicators/no-shows?from=2026-03-30&to=2026-03-31&by=hour&service=titres");
    assertThat(row(byHour, "09").getInteger("due")).isEqualTo(4);
    assertThat(row(byHour, "09").getInteger("pending")).isEqualTo(1);
    assertThat(row(byHour, "10").getInteger("honoured")).isEqualTo(1);
    JsonObject totals = byDay.getJsonObject("totals");
    assertThat(totals.getInteger("noShows")).isEqualTo(2);
    assertThat(totals.getJsonObject("previous").getInteger("due")).isZero();
    assertThat(totals.getJsonObject("change").getInteger("noShows")).isEqualTo(2);
    assertThat(byDay.getJsonObject("previousPeriod")).isEqualTo(new JsonObject().put("from", "2026-03-28")
        .put("to", "2026-03-29"));
    JsonObject map = report("/api/indicators/no-shows?from=2026-03-30&to=2026-03-31&by=weekday-hour&service=titres");
    assertThat(row(map, "1-09").getInteger("noShows")).isEqualTo(1);
    assertThat(row(map, "2-09").getInteger("noShows")).isEqualTo(1);
  }

  @Test
  void waiting_and_service_times_give_count_median_p90_mean_and_max_in_whole_minutes() {
    JsonObject waits = report("/api/indicators/waiting-times?from=2026-03-30&to=2026-03-30&by=service&service=titres");
    // Waits: 12 (09:12 − max(08:50, 09:00)), 3 (10:03:30 − 10:00), 20, 1, 30 minutes.
    assertThat(row(waits, "titres")).isEqualTo(new JsonObject().put("key", "titres").put("count", 5).put("median", 12)
        .put("p90", 30).put("mean", 13.2).put("max", 30));
    JsonObject service = report("/api/indicators/service-times?from=2026-03-30&to=2026-03-30&by=day&service=titres");
    // Served − last call: 15, 10 (10:13:59 − 10:03:30), 5, 10; the absent ticket has none.
    assertThat(row(service, "2026-03-30")).isEqualTo(new JsonObject().put("key", "2026-03-30").put("count", 4)
        .put("median", 10).put("p90", 15).put("mean", 10.0).put("max", 15));
    JsonObject byHour = report("/api/indicators/waiting-times?from=2026-03-30&to=2026-03-30&by=hour&service=titres");
    assertThat(row(byHour, "09").getInteger("count")).as("waits that began 09:00-09:59").isEqualTo(4);
    assertThat(row(byHour, "10").getInteger("max")).isEqualTo(3);
  }

  @Test
  void called_absent_tickets_are_counted_apart_from_appointment_no_shows() {
    JsonObject counters = report("/api/indicators/counters?from=2026-03-30&to=2026-03-30&by=service&service=titres");
    assertThat(row(counters, "titres")).isEqualTo(new JsonObject().put("key", "titres").put("calls", 5)
        .put("recalls", 1).put("served", 4).put("absent", 1).put("transferred", 0).put("absentRate", 0.2));
    JsonObject noShows = report("/api/indicators/no-shows?from=2026-03-30&to=2026-03-30&by=service&service=titres");
    assertThat(row(noShows, "titres").getInteger("noShows")).isEqualTo(1);
  }

  @Test
  void flows_refusals_and_occupancy_follow_the_gate_scans() {
    JsonObject flows = report("/api/indicators/flows?from=2026-03-30&to=2026-03-30&by=hour");
    assertThat(row(flows, "08")).isEqualTo(new JsonObject().put("key", "08").put("admissions", 1).put("exits", 0)
        .put("refusals", 1).put("companions", 0));
    assertThat(row(flows, "09")).isEqualTo(new JsonObject().put("key", "09").put("admissions", 1).put("exits", 1)
        .put("refusals", 1).put("companions", 0));
    assertThat(row(flows, "10")).isEqualTo(new JsonObject().put("key", "10").put("admissions", 0).put("exits", 1)
        .put("refusals", 0).put("companions", 0));
    JsonObject refusals = report("/api/indicators/refusals?from=2026-03-30&to=2026-03-30&by=total");
    assertThat(refusals.getJsonObject("totals").getJsonObject("reasons"))
        .isEqualTo(new JsonObject().put("too_early", 1).put("wrong_day", 1));
    JsonObject occupancy = get("/api/indicators/occupancy?date=2026-03-30");
    assertThat(row(occupancy, "08:00")).isEqualTo(new JsonObject().put("key", "08:00").put("admissions", 1)
        .put("exits", 0).put("inside", 1).put("peak", 1));
    assertThat(row(occupancy, "09:00").getInteger("inside")).isEqualTo(1);
    assertThat(row(occupancy, "10:00").getInteger("inside")).isZero();
    assertThat(occupancy.getJsonObject("totals").getInteger("peak")).isEqualTo(1);
  }

  @Test
  void pan_reports_booked_honoured_released_slots_and_released_places_reused_by_walk_ins() {
    JsonObject pan = report("/api/indicators/pan?from=2026-03-30&to=2026-03-30&by=service&service=pan");
    assertThat(row(pan, "pan")).isEqualTo(new JsonObject().put("key", "pan").put("booked", 2).put("honoured", 1)
        .put("released", 1).put("reused", 1).put("slotWalkIns", 2).put("walkInsServed", 2));
  }

  @Test
  void dst_days_group_by_paris_wall_clock_and_waits_span_the_clock_change() {
    // Another clock and none of Monday's records: a server of its own, the shared one put back after.
    TestServer monday = server;
    Pool mondayDb = db;
    start(dir.resolve("dst"), Instant.parse("2026-10-26T10:00:00Z"));
    try {
      dstDays();
    } finally {
      close();
      server = monday;
      db = mondayDb;
    }
  }

  private void dstDays() {
    appointment("titres", "2026-03-29T01:30+01:00");
    appointment("titres", "2026-03-29T03:30+02:00");
    appointment("titres", "2026-10-25T02:30+02:00");
    appointment("titres", "2026-10-25T02:30+01:00");
    appointment("titres", "2026-10-25T03:30+01:00");
    ticket("2026-03-29", "titres", "walk-in", null, "2026-03-29T01:50+01:00", null, "2026-03-29T03:05+02:00", null,
        "2026-03-29T03:15+02:00", false);
    ticket("2026-10-25", "titres", "walk-in", null, "2026-10-25T02:50+02:00", null, "2026-10-25T02:10+01:00", null,
        "2026-10-25T02:20+01:00", false);
    server.verticle.indicators().buildRollups().await();

    JsonObject march = report("/api/indicators/no-shows?from=2026-03-29&to=2026-03-29&by=hour");
    assertThat(march.getJsonArray("rows").stream().map(r -> ((JsonObject) r).getString("key")).toList())
        .containsExactly("01", "03");
    JsonObject october = report("/api/indicators/no-shows?from=2026-10-25&to=2026-10-25&by=hour");
    assertThat(row(october, "02").getInteger("noShows")).as("both 02:30 count in 02").isEqualTo(2);
    assertThat(row(october, "03").getInteger("noShows")).isEqualTo(1);
    assertThat(row(report("/api/indicators/no-shows?from=2026-10-25&to=2026-10-25&by=day"), "2026-10-25")
        .getInteger("due")).isEqualTo(3);
    JsonObject marchWait = report("/api/indicators/waiting-times?from=2026-03-29&to=2026-03-29&by=day");
    assertThat(row(marchWait, "2026-03-29").getInteger("max")).as("01:50 CET to 03:05 CEST").isEqualTo(15);
    JsonObject octoberWait = report("/api/indicators/waiting-times?from=2026-10-25&to=2026-10-25&by=hour");
    assertThat(row(octoberWait, "02").getInteger("max")).as("02:50 CEST to 02:10 CET").isEqualTo(20);
  }

  @Test
  void csv_for_scripts_keeps_the_api_names_codes_and_fractions_byte_for_byte() {
    HttpResponse<Buffer> csv = server.get("manager",
        "/api/indicators/counters?from=2026-03-30&to=2026-03-30&by=service&service=titres&format=csv&headers=api");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.getHeader("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(csv.getHeader("Content-Disposition"))
        .isEqualTo("attachment; filename=\"indicateurs-counters-2026-03-30_2026-03-30-par-service.csv\"");
    byte[] expected = ("\uFEFFservice;calls;recalls;served;absent;transferred;absentRate\r\n"
        + "titres;5;1;4;1;0;0,2\r\n"
        + "total;5;1;4;1;0;0,2\r\n").getBytes(StandardCharsets.UTF_8);
    assertThat(csv.body().getBytes()).isEqualTo(expected);
    assertThat(csv.body().getBytes()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);

    HttpResponse<Buffer> accepted = server.request(io.vertx.core.http.HttpMethod.GET,
        "/api/indicators/waiting-times?from=2026-03-30&to=2026-03-30&by=service&service=titres&headers=api",
        server.token("manager"))
        .putHeader("Accept", "text/csv").send().await();
    assertThat(accepted.bodyAsString(StandardCharsets.UTF_8.name()))
        .isEqualTo("\uFEFFservice;count;median;p90;mean;max\r\ntitres;5;12;30;13,2;30\r\ntotal;5;12;30;13,2;30\r\n");
  }

  @Test
  void csv_for_a_french_manager_has_french_headers_service_names_and_rates_in_percent() {
    HttpResponse<Buffer> csv = server.get("manager",
        "/api/indicators/counters?from=2026-03-30&to=2026-03-30&by=service&service=titres&format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.getHeader("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(csv.bodyAsString(StandardCharsets.UTF_8.name())).isEqualTo("\uFEFFService;Appels;Rappels;Servis;"
        + "Absents appelés;Transférés;Taux d'absents appelés (%)\r\n"
        + "Titres d'identité (carte d'identité, passeport);5;1;4;1;0;20,0\r\n"
        + "Total;5;1;4;1;0;20,0\r\n");

    HttpResponse<Buffer> waits = server.request(io.vertx.core.http.HttpMethod.GET,
        "/api/indicators/waiting-times?from=2026-03-30&to=2026-03-30&by=day&service=titres",
        server.token("manager"))
        .putHeader("Accept", "text/csv").send().await();
    assertThat(waits.bodyAsString(StandardCharsets.UTF_8.name())).isEqualTo("\uFEFFJour;Nombre;Médiane (min);"
        + "90e centile (min);Moyenne (min);Maximum (min)\r\n30/03/2026;5;12;30;13,2;30\r\nTotal;5;12;30;13,2;30\r\n");
    assertThat(server.get("manager", "/api/indicators/no-shows?format=csv&headers=en").statusCode()).isEqualTo(400);
  }

  @Test
  void only_managers_and_admins_read_indicators() {
    String uri = "/api/indicators/no-shows?by=service";
    assertThat(server.get("manager", uri).statusCode()).isEqualTo(200);
    assertThat(server.get("admin", uri).statusCode()).isEqualTo(200);
    assertThat(server.get("agent", uri).statusCode()).isEqualTo(403);
    assertThat(server.get("guard", uri).statusCode()).isEqualTo(403);
    assertThat(server.get(null, uri).statusCode()).isEqualTo(401);
    assertThat(server.get("agent", "/api/indicators/charts/trend.svg").statusCode()).isEqualTo(403);
    assertThat(server.get("guard", "/api/indicators/occupancy").statusCode()).isEqualTo(403);
  }

  @Test
  void bad_parameters_are_refused_with_400_and_a_code() {
    expect("/api/indicators/no-shows?from=2026-03-31&to=2026-03-01", 400, "invalid_range");
    expect("/api/indicators/no-shows?by=year", 400, "invalid_by");
    expect("/api/indicators/no-shows?service=nope", 400, "unknown_service");
    expect("/api/indicators/no-shows?from=2016-01-01&to=2026-01-01", 400, "range_too_long");
    expect("/api/indicators/no-shows?from=31/03/2026", 400, "invalid_field");
    expect("/api/indicators/no-shows?format=xml", 400, "invalid_format");
    expect("/api/indicators/no-shows?source=cache", 400, "invalid_source");
    expect("/api/indicators/waiting-times?by=weekday-hour", 400, "invalid_by");
    expect("/api/indicators/no-shows?by=day&by=week", 400, "invalid_field");
    expect("/api/indicators/happiness", 404, "unknown_indicator");
    expect("/api/indicators/charts/pie.svg", 404, "unknown_chart");
  }

  void expect(String uri, int status, String code) {
    HttpResponse<Buffer> r = server.get("manager", uri);
    assertThat(r.statusCode()).as(uri).isEqualTo(status);
    assertThat(r.bodyAsJsonObject().getString("error")).as(uri).isEqualTo(code);
    assertThat(r.bodyAsJsonObject().getString("message")).isNotBlank();
  }

  @Test
  void charts_are_svg_with_the_figures_written_on_them() {
    HttpResponse<Buffer> svg = server.get("manager",
        "/api/indicators/charts/refusals.svg?from=2026-03-30&to=2026-03-30");
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.getHeader("Content-Type")).startsWith("image/svg+xml");
    assertThat(svg.bodyAsString()).startsWith("<svg").contains("Trop tôt / too early", ">1</text>")
        .doesNotContain("style=", "<script");
    for (String chart : new String[]{"trend", "no-show-map", "waiting", "flows", "occupancy", "pan"}) {
      HttpResponse<Buffer> r = server.get("manager",
          "/api/indicators/charts/" + chart + ".svg?from=2026-03-30&to=2026-03-31");
      assertThat(r.statusCode()).as(chart).isEqualTo(200);
      assertThat(r.bodyAsString()).as(chart).startsWith("<svg").endsWith("</svg>");
    }
  }
}
