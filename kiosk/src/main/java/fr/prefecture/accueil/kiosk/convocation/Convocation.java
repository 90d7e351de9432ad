package fr.prefecture.accueil.kiosk.convocation;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a convocation's QR code says: which appointment or invitation, for which service and when.
 *
 * @param id       the appointment or invitation id in the store (non-negative)
 * @param kind     appointment or invitation
 * @param service  service code ({@code etrangers}), ASCII lowercase, digits, {@code -} or {@code _},
 *                 at most 32 characters; may be empty (invitations)
 * @param start    start instant, on a whole minute (the code carries minutes)
 * @param initials optional, 1 to 3 letters A–Z, or null: the code is readable by anyone, so it never
 *                 carries a name
 */
public record Convocation(long id, ConvocationKind kind, String service, Instant start, String initials) {

  static final int MAX_SERVICE_LENGTH = 32;
  static final int MAX_INITIALS = 3;
  private static final Pattern SERVICE = Pattern.compile("[a-z0-9_-]{0,32}");
  private static final Pattern INITIALS = Pattern.compile("[A-Z]{1,3}");
  static final long MAX_EPOCH_MINUTE = 0xFFFF_FFFFL;

  public Convocation {
    if (id < 0) {
      throw new IllegalArgumentException("id must not be negative: " + id);
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(start, "start");
    if (!SERVICE.matcher(service).matches()) {
      throw new IllegalArgumentException("service code must match [a-z0-9_-]{0,32}: " + service);
    }
    if (start.getEpochSecond() % 60 != 0 || start.getNano() != 0) {
      throw new IllegalArgumentException("start must be on a whole minute: " + start);
    }
    long minute = start.getEpochSecond() / 60;
    if (minute < 0 || minute > MAX_EPOCH_MINUTE) {
      throw new IllegalArgumentException("start out of range: " + start);
    }
    if (initials != null) {
      initials = initials.strip().toUpperCase(Locale.ROOT);
      if (initials.isEmpty()) {
        initials = null;
      } else if (!INITIALS.matcher(initials).matches()) {
        throw new IllegalArgumentException("initials must be 1 to 3 letters A-Z: " + initials);
      }
    }
  }

  /**
   * Initials of a visitor's name for {@link #initials()}: the first letter of up to three words, accents
   * removed ({@code "Élodie Martin-Dupont"} → {@code "EMD"}); null when the name has no Latin letter.
   */
  public static String initialsOf(String name) {
    if (name == null) {
      return null;
    }
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    StringBuilder initials = new StringBuilder(MAX_INITIALS);
    for (String word : plain.split("[^A-Za-z]+")) {
      if (!word.isEmpty() && initials.length() < MAX_INITIALS) {
        initials.append(Character.toUpperCase(word.charAt(0)));
      }
    }
    return initials.length() == 0 ? null : initials.toString();
  }

  long startEpochMinute() {
    return start.getEpochSecond() / 60;
  }
}
