package fr.prefecture.accueil.signage.view;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Maps enum constants to the lower-case, dash-separated codes used in configuration and HTML. */
final class Codes {

  private Codes() {}

  static String code(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static <E extends Enum<E>> List<String> codes(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Codes::code).toList();
  }

  static <E extends Enum<E>> E parse(Class<E> type, String code) {
    for (E e : type.getEnumConstants()) {
      if (code(e).equals(code)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + code + "', expected one of "
        + Arrays.stream(type.getEnumConstants()).map(Codes::code).collect(Collectors.joining(", ")));
  }
}
