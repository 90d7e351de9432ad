package fr.prefecture.accueil.kiosk.convocation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The short code printed under the QR for typing at the gate when the QR cannot be read, such as
 * {@code K7M4-Q2XP-9}: 8 Crockford Base32 characters (40 bits) and a check character.
 *
 * <p>The 40 bits are the start of SHA-256 of the convocation's signature: deterministic, needing no
 * extra secret, and unguessable without the signing key. The server stores the code and looks it up.
 *
 * <p>The check character makes the weighted sum {@code Σ α^i·c_i} over GF(32) (α a root of
 * {@code x^5 + x^2 + 1}) zero. Unlike the usual ISO 7064 schemes, which need 36 or 37 symbols, this
 * stays within the 32 unambiguous Crockford symbols, and it still detects every single substitution
 * (α^i·e ≠ 0) and every adjacent transposition (α^i·(a+b)·(1+α) ≠ 0 when a ≠ b), check character
 * included.
 */
public final class ManualCode {

  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int DATA_LENGTH = 8;
  private static final int LENGTH = DATA_LENGTH + 1;
  /** A code is at most this many characters once spaces and dashes are removed, to tell it from QR text. */
  private static final int LOOKS_LIKE_MAX = 16;
  private static final int[] EXP = new int[62];
  private static final int[] LOG = new int[32];

  static {
    int x = 1;
    for (int i = 0; i < 31; i++) {
      EXP[i] = x;
      EXP[i + 31] = x;
      LOG[x] = i;
      x <<= 1;
      if ((x & 0x20) != 0) {
        x ^= 0x25;
      }
    }
  }

  private ManualCode() {}

  /** The manual code of a convocation with this Ed25519 signature. */
  public static String of(byte[] signature) {
    byte[] digest = sha256(signature);
    long bits = 0;
    for (int i = 0; i < 5; i++) {
      bits = bits << 8 | (digest[i] & 0xFF);
    }
    int[] values = new int[LENGTH];
    for (int i = 0; i < DATA_LENGTH; i++) {
      values[i] = (int) (bits >>> (35 - 5 * i)) & 0x1F;
    }
    values[DATA_LENGTH] = checkValue(values);
    return format(values);
  }

  /**
   * The canonical form ({@code K7M4-Q2XP-9}) of what a guard typed: case, spaces and dashes ignored,
   * O read as 0, I and L as 1; empty when the length or the check character is wrong.
   */
  public static Optional<String> normalize(String typed) {
    if (typed == null || typed.length() > 64) {
      return Optional.empty();
    }
    int[] values = new int[LENGTH];
    int n = 0;
    for (int i = 0; i < typed.length(); i++) {
      char c = typed.charAt(i);
      if (c == ' ' || c == '-' || c == '\t') {
        continue;
      }
      int value = valueOf(c);
      if (value < 0 || n == LENGTH) {
        return Optional.empty();
      }
      values[n++] = value;
    }
    if (n != LENGTH || syndrome(values, LENGTH) != 0) {
      return Optional.empty();
    }
    return Optional.of(format(values));
  }

  /**
   * True when the text is short and made of letters, digits, spaces and dashes: something typed from
   * a printed manual code (valid or not) rather than QR text, which is about 130 characters long.
   */
  public static boolean looksLikeManualCode(String text) {
    if (text == null) {
      return false;
    }
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '-' || c == '\t' || c == '\r' || c == '\n') {
        continue;
      }
      if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') || ++n > LOOKS_LIKE_MAX) {
        return false;
      }
    }
    return n > 0;
  }

  private static int valueOf(char c) {
    char upper = c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    switch (upper) {
      case 'O' :
        return 0;
      case 'I' :
      case 'L' :
        return 1;
      default :
        return upper < 128 ? ALPHABET.indexOf(upper) : -1;
    }
  }

  private static int checkValue(int[] values) {
    // syndrome(data) + α^8·check = 0, and in characteristic 2 minus is plus.
    return multiply(syndrome(values, DATA_LENGTH), EXP[31 - DATA_LENGTH]);
  }

  private static int syndrome(int[] values, int length) {
    int sum = 0;
    for (int i = 0; i < length; i++) {
      sum ^= multiply(values[i], EXP[i]);
    }
    return sum;
  }

  private static int multiply(int a, int b) {
    return a == 0 || b == 0 ? 0 : EXP[LOG[a] + LOG[b]];
  }

  private static String format(int[] values) {
    StringBuilder code = new StringBuilder(LENGTH + 2);
    for (int i = 0; i < LENGTH; i++) {
      if (i == 4 || i == 8) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(values[i]));
    }
    return code.toString();
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
