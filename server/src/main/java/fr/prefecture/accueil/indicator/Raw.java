package fr.prefecture.accueil.indicator;

import java.util.Map;
import java.util.TreeMap;

/** The additive figures of one report row: sums, a histogram of minutes, or counts by reason. */
final class Raw {
  final long[] sums;
  final TreeMap<Integer, Long> minutes = new TreeMap<>();
  final TreeMap<String, Long> reasons = new TreeMap<>();

  Raw(int width) {
    this.sums = new long[width];
  }

  void add(Raw other) {
    for (int i = 0; i < sums.length; i++) {
      sums[i] += other.sums[i];
    }
    other.minutes.forEach((m, n) -> minutes.merge(m, n, Long::sum));
    other.reasons.forEach((r, n) -> reasons.merge(r, n, Long::sum));
  }

  static Raw total(Map<String, Raw> rows, int width) {
    Raw total = new Raw(width);
    rows.values().forEach(total::add);
    return total;
  }
}
