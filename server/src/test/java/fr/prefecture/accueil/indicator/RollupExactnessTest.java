package fr.prefecture.accueil.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.site.SiteLoader;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollups give exactly the figures of a naive recomputation from the raw records: every
 * indicator, every grouping, with and without a service filter, over seven months of generated
 * history that include both DST changes, a range that mixes rolled-up days with live ones, and a
 * day rebuilt after a late cancellation.
 */
@ExtendWith(VertxExtension.class)
class RollupExactnessTest {
  static final Instant NOW = Instant.parse("2026-04-15T08:00:00Z");

  @TempDir
  Path dir;

  @Test
  void every_indicator_from_the_rollups_equals_the_raw_recomputation(Vertx vertx) throws Exception {
    try (TestServer server = TestServer.start(vertx, dir, NOW)) {
      HistoryGenerator.Counts counts = new HistoryGenerator(SiteLoader.load(TestServer.CONFIG).site(), 7)
          .generate(dir.resolve("accueil.db"), LocalDate.of(2025, 10, 1), LocalDate.of(2026, 4, 14), 30, NOW);
      assertThat(counts.appointments()).isGreaterThan(3000);
      // The generator built the rollups up to two days ago; the server builds the last closed day.
      assertThat(server.verticle.indicators().buildRollups().await()).isEqualTo(1);
      // A late cancellation of an honoured and of an unhonoured past appointment: the day is rebuilt.
      server.post("manager", "/api/appointments/1/cancel", null);
      server.post("manager", "/api/appointments/2/cancel", null);
      assertThat(server.verticle.indicators().buildRollups().await()).isEqualTo(1);

      SoftAssertions soft = new SoftAssertions();
      String[] ranges = {"from=2025-10-01&to=2026-04-15", "from=2025-11-15&to=2026-02-10",
          "from=2025-10-20&to=2025-10-31", "from=2026-03-23&to=2026-03-31",
          "from=2026-04-10&to=2026-04-20"};
      int compared = 0;
      for (Family family : Family.values()) {
        for (Grouping by : Grouping.values()) {
          if (by == Grouping.WEEKDAY_HOUR && family.histogram()) {
            continue;
          }
          for (String range : ranges) {
            for (String service : new String[]{"", "&service=pan", "&service=etrangers"}) {
              String uri = "/api/indicators/" + family.path + "?" + range + "&by=" + by.code + service;
              JsonObject rollups = get(server, uri);
              JsonObject raw = get(server, uri + "&source=raw");
              soft.assertThat(raw.put("source", "rollups")).as(uri).isEqualTo(rollups);
              compared++;
            }
          }
        }
      }
      soft.assertAll();
      assertThat(compared).isGreaterThan(300);
      JsonObject all = get(server, "/api/indicators/no-shows?from=2025-10-01&to=2026-04-14&by=total");
      double rate = all.getJsonObject("totals").getDouble("rate");
      assertThat(rate).as("generated no-show rate").isBetween(0.10, 0.15);
    }
  }

  static JsonObject get(TestServer server, String uri) {
    HttpResponse<Buffer> r = server.get("manager", uri);
    assertThat(r.statusCode()).as(uri + " " + r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }
}
