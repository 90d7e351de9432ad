package fr.prefecture.accueil.kiosk.convocation;

import java.util.Arrays;
import java.util.Optional;

/** Base45 (RFC 9285): bytes as text in the QR alphanumeric alphabet, 3 characters per 2 bytes. */
final class Base45 {

  static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
  private static final int[] VALUE = new int[128];

  static {
    Arrays.fill(VALUE, -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      VALUE[ALPHABET.charAt(i)] = i;
    }
  }

  private Base45() {}

  static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length + 1) / 2 * 3);
    int i = 0;
    for (; i + 1 < bytes.length; i += 2) {
      int n = ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
      out.append(ALPHABET.charAt(n % 45));
      out.append(ALPHABET.charAt(n / 45 % 45));
      out.append(ALPHABET.charAt(n / 2025));
    }
    if (i < bytes.length) {
      int n = bytes[i] & 0xFF;
      out.append(ALPHABET.charAt(n % 45));
      out.append(ALPHABET.charAt(n / 45));
    }
    return out.toString();
  }

  /** The decoded bytes, or empty when the text is not canonical Base45 (wrong length, character or value). */
  static Optional<byte[]> decode(CharSequence text) {
    int length = text.length();
    if (length % 3 == 1) {
      return Optional.empty();
    }
    byte[] out = new byte[length / 3 * 2 + (length % 3 == 2 ? 1 : 0)];
    int o = 0;
    for (int i = 0; i < length; i += 3) {
      int c = value(text.charAt(i));
      int d = value(text.charAt(i + 1));
      if (c < 0 || d < 0) {
        return Optional.empty();
      }
      if (i + 2 < length) {
        int e = value(text.charAt(i + 2));
        if (e < 0) {
          return Optional.empty();
        }
        int n = c + d * 45 + e * 2025;
        if (n > 0xFFFF) {
          return Optional.empty();
        }
        out[o++] = (byte) (n >> 8);
        out[o++] = (byte) n;
      } else {
        int n = c + d * 45;
        if (n > 0xFF) {
          return Optional.empty();
        }
        out[o++] = (byte) n;
      }
    }
    return Optional.of(out);
  }

  private static int value(char ch) {
    return ch < 128 ? VALUE[ch] : -1;
  }
}
