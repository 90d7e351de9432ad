package fr.prefecture.accueil.site;

import fr.prefecture.accueil.site.Site.Text;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One mapping of the site file at its key path ({@code services[0].location}): typed reads whose errors name the
 * file and the key. A key the section does not know is refused, so that a typo never silently takes the default.
 */
final class Node {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  private final String file;
  private final String path;
  private final Map<String, Object> map;

  private Node(String file, String path, Map<String, Object> map) {
    this.file = file;
    this.path = path;
    this.map = map;
  }

  /** The document itself: a mapping with only the given top-level keys. */
  static Node root(String file, Object document, Set<String> keys) {
    return of(file, "", document, keys);
  }

  static Node of(String file, String path, Object value, Set<String> keys) {
    Map<String, Object> map = mapping(file, path, value);
    for (String key : map.keySet()) {
      if (!keys.contains(key)) {
        throw new ConfigException(file, path.isEmpty() ? key : path + "." + key, "unknown key");
      }
    }
    return new Node(file, path, map);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapping(String file, String path, Object value) {
    String here = path.isEmpty() ? "(root)" : path;
    if (value == null) {
      throw new ConfigException(file, here, "is required");
    }
    if (!(value instanceof Map<?, ?> m)) {
      throw new ConfigException(file, here, "must be a mapping");
    }
    if (!m.keySet().stream().allMatch(String.class::isInstance)) {
      throw new ConfigException(file, here, "keys must be text");
    }
    return (Map<String, Object>) m;
  }

  String key(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  ConfigException fail(String field, String problem) {
    return new ConfigException(file, key(field), problem);
  }

  boolean has(String field) {
    return map.get(field) != null;
  }

  Node node(String field, String... keys) {
    return of(file, key(field), map.get(field), Set.of(keys));
  }

  /** An optional mapping: absent, it reads as an empty one. */
  Node optionalNode(String field, String... keys) {
    return has(field) ? node(field, keys) : new Node(file, key(field), Map.of());
  }

  /** An optional mapping of free keys (checked by its reader); empty when absent. */
  Map<String, Object> entries(String field) {
    return has(field) ? mapping(file, key(field), map.get(field)) : Map.of();
  }

  @SuppressWarnings("unchecked")
  List<Object> list(String field) {
    Object value = map.get(field);
    if (value == null) {
      throw fail(field, "is required");
    }
    if (!(value instanceof List<?> l)) {
      throw fail(field, "must be a list");
    }
    return (List<Object>) l;
  }

  /** A required list of mappings, each with only the given keys. */
  List<Node> nodes(String field, String... keys) {
    List<Object> raw = list(field);
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      nodes.add(of(file, key(field) + "[" + i + "]", raw.get(i), Set.of(keys)));
    }
    return nodes;
  }

  String string(String field) {
    return optionalString(field).orElseThrow(() -> fail(field, "is required"));
  }

  Optional<String> optionalString(String field) {
    Object v = map.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw fail(field, "must be a non-empty text");
    }
    return Optional.of(s.strip());
  }

  /** One of the given codes; the first when absent. */
  String oneOf(String field, List<String> codes, String fallback) {
    String value = optionalString(field).orElse(fallback);
    if (!codes.contains(value)) {
      throw fail(field, "must be " + String.join(" or ", codes));
    }
    return value;
  }

  String id(String field) {
    String value = string(field);
    if (!ID.matcher(value).matches()) {
      throw fail(field, "'" + value + "' must be lower-case letters, digits and dashes (40 at most)");
    }
    return value;
  }

  int integer(String field, int min, int max) {
    Object v = map.get(field);
    if (v == null) {
      throw fail(field, "is required");
    }
    if (!(v instanceof Integer i)) {
      throw fail(field, "must be a whole number");
    }
    if (i < min || i > max) {
      throw fail(field, "must be between " + min + " and " + max);
    }
    return i;
  }

  int integer(String field, int min, int max, int fallback) {
    return has(field) ? integer(field, min, max) : fallback;
  }

  boolean bool(String field, boolean fallback) {
    if (!has(field)) {
      return fallback;
    }
    if (!(map.get(field) instanceof Boolean b)) {
      throw fail(field, "must be true or false");
    }
    return b;
  }

  LocalTime time(String field) {
    String raw = string(field);
    try {
      return LocalTime.parse(raw);
    } catch (DateTimeException e) {
      throw fail(field, "must be a time HH:MM, not '" + raw + "'");
    }
  }

  Text text(String field) {
    Node text = node(field, "fr", "en");
    return new Text(text.string("fr"), text.string("en"));
  }

  Text text(String field, Text fallback) {
    return has(field) ? text(field) : fallback;
  }
}
