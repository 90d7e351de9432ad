package fr.prefecture.accueil.gate;

/**
 * Undoes the one common scanner mangling: a handheld scanner left in its default US keyboard mode on a
 * PC set to French AZERTY types {@code à&é"'(-è_ç} for the digits, swaps A/Q and Z/W, and turns
 * {@code $%*-./:} and {@code M} into {@code 458):!M?}. Base45 text holds none of the mangled symbols, so
 * the mapping is tried only when one of them appears, and the result must still verify.
 */
final class AzertyScanner {
  private static final String BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
  private static final String MANGLED = "à&é\"'(-è_çQAWZ?458):!M";
  private static final String ORIGINAL = "0123456789AQZWM$%*-./:";

  private AzertyScanner() {}

  /** True when the text cannot be Base45 (case aside) but holds a character the mangling produces. */
  static boolean looksMangled(String text) {
    boolean foreign = false;
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toUpperCase(text.charAt(i));
      if (BASE45.indexOf(c) < 0) {
        if (MANGLED.indexOf(c) < 0 && c != 'À' && c != 'É' && c != 'È' && c != 'Ç') {
          return false;
        }
        foreign = true;
      }
    }
    return foreign;
  }

  /** The text the scanner meant to type. */
  static String restore(String text) {
    return translate(text, MANGLED, ORIGINAL);
  }

  /** What such a scanner types for the given text (for tests and the README's explanation). */
  static String mangle(String text) {
    return translate(text, ORIGINAL, MANGLED);
  }

  /** Each character found in {@code from} replaced by the one at the same place in {@code to}. */
  private static String translate(String text, String from, String to) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int at = from.indexOf(c);
      out.append(at < 0 ? c : to.charAt(at));
    }
    return out.toString();
  }
}
