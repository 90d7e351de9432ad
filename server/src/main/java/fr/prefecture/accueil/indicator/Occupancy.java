package fr.prefecture.accueil.indicator;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * People inside over one day, from the admitted scans (in +1, out −1), per Paris wall-clock hour:
 * admissions, exits, people inside at the end of the hour and the peak within it. Computed live
 * from the raw scans of that day (one indexed day: fast at any size of history).
 */
final class Occupancy {
  private final IndicatorRepository repository;
  private final ZoneId zone;

  Occupancy(IndicatorRepository repository, ZoneId zone) {
    this.repository = repository;
    this.zone = zone;
  }

  Future<JsonObject> day(LocalDate day) {
    return repository.movements(day).map(moves -> of(day, moves, zone));
  }

  static JsonObject of(LocalDate day, List<long[]> moves, ZoneId zone) {
    long[] in = new long[24];
    long[] out = new long[24];
    long[] end = new long[24];
    long[] peak = new long[24];
    long inside = 0;
    long dayPeak = 0;
    int i = 0;
    for (int h = 0; h < 24; h++) {
      peak[h] = inside;
      while (i < moves.size() && Instant.ofEpochMilli(moves.get(i)[0]).atZone(zone).getHour() <= h) {
        long[] m = moves.get(i++);
        inside += m[1];
        if (m[1] > 0) {
          in[h]++;
        } else {
          out[h]++;
        }
        peak[h] = Math.max(peak[h], inside);
      }
      end[h] = inside;
      dayPeak = Math.max(dayPeak, peak[h]);
    }
    JsonArray rows = new JsonArray();
    long admissions = 0;
    long exits = 0;
    for (int h = 0; h < 24; h++) {
      admissions += in[h];
      exits += out[h];
      rows.add(new JsonObject().put("key", "%02d:00".formatted(h)).put("admissions", in[h]).put("exits", out[h])
          .put("inside", end[h]).put("peak", peak[h]));
    }
    return new JsonObject().put("indicator", "occupancy").put("date", day.toString()).put("by", "hour")
        .put("rows", rows).put("totals", new JsonObject().put("admissions", admissions).put("exits", exits)
            .put("inside", inside).put("peak", dayPeak));
  }
}
