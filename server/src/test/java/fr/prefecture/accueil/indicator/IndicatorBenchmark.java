package fr.prefecture.accueil.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.site.SiteLoader;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Five years of a busy site (about 2 million appointments), generated once into
 * target/benchmark-store and reused; then every indicator query timed over HTTP on the real
 * server for several ranges and groupings. Run with
 * {@code mvn -q -o -pl server -am test -Pbenchmark -Dtest=IndicatorBenchmark}; figures in
 * target/indicator-benchmark.md.
 */
@Tag("benchmark")
@ExtendWith(VertxExtension.class)
class IndicatorBenchmark {
  static final Instant NOW = Instant.parse("2026-04-15T08:00:00Z");
  static final Path STORE = Path.of("target/benchmark-store");
  static final int REPEAT = 7;

  @Test
  void every_indicator_query_answers_well_under_a_second_on_five_years(Vertx vertx) throws Exception {
    StringBuilder report = new StringBuilder();
    if (!Files.exists(STORE.resolve("accueil.db"))) {
      Files.createDirectories(STORE);
      // Migrate the new store, then fill it.
      TestServer.start(vertx, STORE, NOW).close();
      LocalDate to = LocalDate.of(2026, 4, 14);
      HistoryGenerator.Counts c = new HistoryGenerator(SiteLoader.load(TestServer.CONFIG).site(), 1)
          .generate(STORE.resolve("accueil.db"), to.minusYears(5).plusDays(1), to, 1600, NOW);
      report.append(
          "Generated %,d appointments, %,d scans, %,d tickets, %,d ticket events in %.1f s; rollups in %.1f s%n%n"
              .formatted(c.appointments(), c.scans(), c.tickets(), c.events(), c.millis() / 1000.0,
                  c.rollupMillis() / 1000.0));
    }
    try (TestServer server = TestServer.start(vertx, STORE, NOW)) {
      long t0 = System.nanoTime();
      int built = server.verticle.indicators().buildRollups().await();
      report.append(
          "Rollup job at start: %d day(s) built in %.1f s%n%n".formatted(built, (System.nanoTime() - t0) / 1e9));
      report.append("| query | range | by | p50 ms | max ms |\n|---|---|---|---|---|\n");
      String[][] ranges = {{"4 weeks", "from=2026-03-19&to=2026-04-15"}, {"1 year", "from=2025-04-16&to=2026-04-15"},
          {"5 years", "from=2021-04-16&to=2026-04-15"}};
      List<Long> all = new ArrayList<>();
      for (Family family : Family.values()) {
        for (String by : new String[]{"month", "service", "hour", "day"}) {
          for (String[] range : ranges) {
            String uri = "/api/indicators/" + family.path + "?" + range[1] + "&by=" + by;
            long[] t = time(server, uri);
            all.add(t[0]);
            report.append("| %s | %s | %s | %d | %d |%n".formatted(family.path, range[0], by, t[0], t[1]));
          }
        }
      }
      for (String chart : new String[]{"trend", "no-show-map", "waiting", "flows", "occupancy", "refusals", "pan"}) {
        long[] t = time(server, "/api/indicators/charts/" + chart + ".svg?" + ranges[1][1]);
        report.append("| chart %s.svg | 1 year | | %d | %d |%n".formatted(chart, t[0], t[1]));
      }
      long[] occ = time(server, "/api/indicators/occupancy?date=2026-04-14");
      report.append("| occupancy | 1 day | hour | %d | %d |%n".formatted(occ[0], occ[1]));
      long[] raw = time(server, "/api/indicators/no-shows?" + ranges[1][1] + "&by=month&source=raw");
      report.append(
          "| no-shows, raw recomputation (no rollups) | 1 year | month | %d | %d |%n".formatted(raw[0], raw[1]));
      Files.writeString(Path.of("target/indicator-benchmark.md"), report);
      System.out.println(report);
      assertThat(all.stream().mapToLong(Long::longValue).max().orElse(0)).as("slowest median query, ms")
          .isLessThan(1000);
    }
  }

  /** p50 and max in ms of REPEAT calls after two warm-up calls. */
  static long[] time(TestServer server, String uri) {
    for (int i = 0; i < 2; i++) {
      HttpResponse<Buffer> r = server.get("manager", uri);
      assertThat(r.statusCode()).as(uri + " " + r.bodyAsString()).isEqualTo(200);
    }
    long[] ms = new long[REPEAT];
    for (int i = 0; i < REPEAT; i++) {
      long t = System.nanoTime();
      server.get("manager", uri);
      ms[i] = (System.nanoTime() - t) / 1_000_000;
    }
    java.util.Arrays.sort(ms);
    return new long[]{ms[REPEAT / 2], ms[REPEAT - 1]};
  }
}
