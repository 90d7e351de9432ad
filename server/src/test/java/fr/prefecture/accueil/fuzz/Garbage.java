package fr.prefecture.accueil.fuzz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Seeded generators of hostile input: random JSON shapes, mutated text, random bytes. */
final class Garbage {
  static final List<String> FIELDS = List.of("service", "start", "end", "durationMinutes", "visitor", "name",
      "reference", "username", "password", "role", "event", "guest", "location", "fr", "en", "zones", "priority",
      "from", "to", "code", "gate", "direction", "scanId", "counter", "ticket", "capacity", "open");
  private static final String[] STRINGS = {"", " ", "titres", "etrangers", "2026-03-30T09:00", "2026-03-29T02:30",
      "9999-99-99T99:99", "in", "out", "admin", "agent", "<script>alert(1)</script>", "' OR 1=1 --", "\u0000",
      "é\u0301", "\uD83D\uDE00", "x".repeat(600), "-1", "1e309", "null", "T1", "E1", "pan"};

  private static final String HOSTILE = "\";,\r\n\u00e9\u0000\t";
  private final Random random;

  Garbage(long seed) {
    random = new Random(seed);
  }

  Object value(int depth) {
    switch (random.nextInt(depth > 2 ? 7 : 9)) {
      case 0 :
        return null;
      case 1 :
        return random.nextBoolean();
      case 2 :
        return random.nextInt(3) == 0 ? Long.MAX_VALUE : random.nextInt(2000) - 1000;
      case 3 :
        return random.nextDouble() * 1e6;
      case 4 :
      case 5 :
        return STRINGS[random.nextInt(STRINGS.length)];
      case 6 :
        return randomString(random.nextInt(40));
      case 7 :
        return object(depth + 1);
      default : {
        JsonArray array = new JsonArray();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(value(depth + 1));
        }
        return array;
      }
    }
  }

  JsonObject object(int depth) {
    JsonObject o = new JsonObject();
    for (int i = random.nextInt(6); i > 0; i--) {
      o.put(FIELDS.get(random.nextInt(FIELDS.size())), value(depth));
    }
    return o;
  }

  String randomString(int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append((char) (random.nextInt(10) == 0 ? random.nextInt(0xD7FF) : 32 + random.nextInt(95)));
    }
    return out.toString();
  }

  /** One hostile body: a random JSON value, a truncated one, or raw bytes. */
  byte[] body() {
    int kind = random.nextInt(10);
    if (kind < 6) {
      return String.valueOf(encode(kind < 4 ? object(0) : value(0))).getBytes(StandardCharsets.UTF_8);
    }
    if (kind < 8) {
      String json = object(0).encode();
      return json.substring(0, random.nextInt(json.length() + 1)).getBytes(StandardCharsets.UTF_8);
    }
    byte[] bytes = new byte[random.nextInt(200)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static String encode(Object value) {
    if (value instanceof JsonObject o) {
      return o.encode();
    }
    if (value instanceof JsonArray a) {
      return a.encode();
    }
    return value instanceof String s ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
        : String.valueOf(value);
  }

  /** The text with a few random edits: characters inserted, deleted, duplicated or swapped. */
  String mutate(String text) {
    StringBuilder out = new StringBuilder(text);
    for (int i = 1 + random.nextInt(4); i > 0 && out.length() > 0; i--) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(5)) {
        case 0 -> out.deleteCharAt(at);
        case 1 -> out.insert(at, HOSTILE.charAt(random.nextInt(HOSTILE.length())));
        case 2 -> out.insert(at, out.charAt(at));
        case 3 -> out.setCharAt(at, (char) (32 + random.nextInt(95)));
        default -> {
          if (at + 1 < out.length()) {
            char c = out.charAt(at);
            out.setCharAt(at, out.charAt(at + 1));
            out.setCharAt(at + 1, c);
          }
        }
      }
    }
    return out.toString();
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }
}
