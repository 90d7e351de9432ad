package fr.prefecture.accueil.screen;

import io.vertx.core.json.JsonArray;
import java.time.Instant;
import java.util.List;

/** Column encodings shared by the screen repositories. */
final class Stored {
  private Stored() {}

  static List<String> zones(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    return new JsonArray(json).stream().map(String::valueOf).toList();
  }

  static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
