package fr.prefecture.accueil.db;

import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Mapped query results as the repositories hand them on: the first row, or all of them. */
public final class Rows {
  private Rows() {}

  public static <T> Optional<T> first(Iterable<T> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  public static <T> List<T> list(Iterable<T> rows) {
    List<T> out = new ArrayList<>();
    rows.forEach(out::add);
    return out;
  }

  /** The first row mapped, for statements run through {@link NamedSql}. */
  public static <T> Optional<T> first(Iterable<Row> rows, Function<Row, T> mapper) {
    return first(rows).map(mapper);
  }

  /** Every row mapped, for statements run through {@link NamedSql}. */
  public static <T> List<T> list(Iterable<Row> rows, Function<Row, T> mapper) {
    List<T> out = new ArrayList<>();
    rows.forEach(row -> out.add(mapper.apply(row)));
    return out;
  }

  /** Rows mapped to entries (a key column and its value), as a map. */
  public static <K, V> Map<K, V> map(Iterable<Map.Entry<K, V>> entries) {
    Map<K, V> out = new HashMap<>();
    entries.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
