package fr.prefecture.accueil.device;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * The one-time code an admin reads out to pair a device, such as {@code K7M4-Q2XP}: 8 Crockford Base32 characters
 * (40 bits). Short enough to type on a screen's keyboard; guessing is hopeless within its 15 minutes, the more so
 * as failed attempts are throttled per address.
 */
final class PairingCode {
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  static final int LENGTH = 8;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PairingCode() {}

  static String random() {
    StringBuilder code = new StringBuilder(LENGTH + 1);
    for (int i = 0; i < LENGTH; i++) {
      if (i == 4) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The canonical form of what was typed: case, spaces and dashes ignored, O read as 0, I and L as 1. */
  static Optional<String> normalize(String typed) {
    if (typed == null || typed.length() > 40) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(LENGTH + 1);
    int n = 0;
    for (int i = 0; i < typed.length(); i++) {
      char c = Character.toUpperCase(typed.charAt(i));
      if (c == ' ' || c == '-') {
        continue;
      }
      c = c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c;
      if (c > 127 || ALPHABET.indexOf(c) < 0 || n == LENGTH) {
        return Optional.empty();
      }
      if (n == 4) {
        out.append('-');
      }
      out.append(c);
      n++;
    }
    return n == LENGTH ? Optional.of(out.toString()) : Optional.empty();
  }
}
