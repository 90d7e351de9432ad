package fr.prefecture.accueil.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
}
