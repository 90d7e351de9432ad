package fr.prefecture.accueil.db;

import java.util.HashMap;
import java.util.Map;

/**
 * The values of a statement's named parameters, where some may be null (an optional column):
 * {@code Map.of} refuses nulls, and a map filled by hand takes a line a value.
 */
public final class Params {
  private Params() {}

  /** Names and values in turn: {@code Params.of("id", id, "by", by)}; a new map, which the caller may add to. */
  public static Map<String, Object> of(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Names and values do not pair up");
    }
    Map<String, Object> params = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (!(namesAndValues[i] instanceof String name) || params.containsKey(name)) {
        throw new IllegalArgumentException("Not a new parameter name: " + namesAndValues[i]);
      }
      params.put(name, namesAndValues[i + 1]);
    }
    return params;
  }
}
