package fr.prefecture.accueil.indicator;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/** Reports: rows of one indicator family with the previous period of the same length beside them. */
final class Indicators {
  /** One report asked for; raw = recompute from the raw records, ignoring the rollups. */
  record Query(Family family, Grouping by, Optional<String> service, LocalDate from, LocalDate to, boolean raw) {
    LocalDate previousFrom() {
      return from.minusDays(ChronoUnit.DAYS.between(from, to) + 1);
    }

    LocalDate previousTo() {
      return from.minusDays(1);
    }
  }

  private final IndicatorRepository repository;
  private final java.util.function.LongSupplier now;

  Indicators(IndicatorRepository repository, java.util.function.LongSupplier now) {
    this.repository = repository;
    this.now = now;
  }

  Future<JsonObject> report(Query q) {
    long at = now.getAsLong();
    Future<Map<String, Raw>> current = repository.report(q.family(), q.by(), q.service(), q.from(), q.to(), q.raw(),
        at);
    Future<Map<String, Raw>> previous = repository.report(q.family(), q.by(), q.service(), q.previousFrom(),
        q.previousTo(), q.raw(), at);
    return Future.all(current, previous).map(all -> assemble(q, current.result(), previous.result()));
  }

  /** The rows with their raw figures kept aside (charts need the histograms). */
  Future<Map<String, Raw>> raw(Query q) {
    return repository.report(q.family(), q.by(), q.service(), q.from(), q.to(), q.raw(), now.getAsLong());
  }

  static JsonObject assemble(Query q, Map<String, Raw> current, Map<String, Raw> previous) {
    int width = q.family().sums.size();
    JsonArray rows = new JsonArray();
    current.forEach((key, raw) -> {
      JsonObject row = new JsonObject().put("key", key).mergeIn(finish(q.family(), raw));
      if (q.by().periodFree() && previous.containsKey(key)) {
        row.put("previous", finish(q.family(), previous.get(key)));
      }
      rows.add(row);
    });
    JsonObject totals = finish(q.family(), Raw.total(current, width));
    JsonObject before = finish(q.family(), Raw.total(previous, width));
    JsonObject out = new JsonObject().put("indicator", q.family().path).put("from", q.from().toString())
        .put("to", q.to().toString()).put("by", q.by().code);
    q.service().ifPresent(s -> out.put("service", s));
    return out.put("source", q.raw() ? "raw" : "rollups").put("rows", rows)
        .put("totals", totals.copy().put("previous", before).put("change", change(totals, before)))
        .put("previousPeriod", new JsonObject().put("from", q.previousFrom().toString())
            .put("to", q.previousTo().toString()));
  }

  /** The figures of one row, as the contract names them. */
  static JsonObject finish(Family family, Raw r) {
    long[] s = r.sums;
    return switch (family) {
      case NO_SHOWS -> new JsonObject().put("due", s[0] + s[1] + s[3]).put("honoured", s[0]).put("noShows", s[1])
          .put("cancelled", s[2]).put("pending", s[3]).put("rate", ratio(s[1], s[0] + s[1]));
      case COUNTERS -> new JsonObject().put("calls", s[0]).put("recalls", s[1]).put("served", s[2])
          .put("absent", s[3]).put("transferred", s[4]).put("absentRate", ratio(s[3], s[2] + s[3]));
      case FLOWS -> new JsonObject().put("admissions", s[0]).put("exits", s[1]).put("refusals", s[2])
          .put("companions", s[3]);
      case REFUSALS -> {
        JsonObject reasons = new JsonObject();
        r.reasons.forEach(reasons::put);
        yield new JsonObject().put("total", s[0]).put("reasons", reasons);
      }
      case PAN -> new JsonObject().put("booked", s[0]).put("honoured", s[1]).put("released", s[2])
          .put("reused", s[3]).put("slotWalkIns", s[4]).put("walkInsServed", s[5]);
      case WAITING_TIMES, SERVICE_TIMES -> durations(r);
    };
  }

  /** count, nearest-rank median and 90th percentile, mean (0.1 min), max: exact at the whole minute. */
  static JsonObject durations(Raw r) {
    long count = r.minutes.values().stream().mapToLong(Long::longValue).sum();
    if (count == 0) {
      return new JsonObject().put("count", 0L).putNull("median").putNull("p90").putNull("mean").putNull("max");
    }
    long sum = 0;
    for (Map.Entry<Integer, Long> e : r.minutes.entrySet()) {
      sum += e.getKey() * e.getValue();
    }
    return new JsonObject().put("count", count).put("median", rank(r, count, 50)).put("p90", rank(r, count, 90))
        .put("mean", BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP).doubleValue())
        .put("max", r.minutes.lastKey());
  }

  private static int rank(Raw r, long count, int percent) {
    long rank = (count * percent + 99) / 100;
    long seen = 0;
    for (Map.Entry<Integer, Long> e : r.minutes.entrySet()) {
      seen += e.getValue();
      if (seen >= rank) {
        return e.getKey();
      }
    }
    return r.minutes.lastKey();
  }

  static Double ratio(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
        .doubleValue();
  }

  /** current − previous for every figure (null where either is missing); reasons compared one by one. */
  static JsonObject change(JsonObject current, JsonObject previous) {
    JsonObject out = new JsonObject();
    for (String field : current.fieldNames()) {
      Object a = current.getValue(field);
      Object b = previous.getValue(field);
      if (a instanceof JsonObject ja) {
        out.put(field, change(ja, b instanceof JsonObject jb ? jb : new JsonObject()));
      } else if (a instanceof Number na && (b instanceof Number || b == null && !(na instanceof Double)
          && !previous.containsKey(field))) {
        Number nb = b == null ? 0L : (Number) b;
        if (na instanceof Double || nb instanceof Double) {
          out.put(field, BigDecimal.valueOf(na.doubleValue()).subtract(BigDecimal.valueOf(nb.doubleValue()))
              .setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().doubleValue());
        } else {
          out.put(field, na.longValue() - nb.longValue());
        }
      } else {
        out.putNull(field);
      }
    }
    return out;
  }
}
