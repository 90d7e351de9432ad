package fr.prefecture.accueil.kiosk.admission;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.ResourceBundle;

/** Gate texts from the kiosk's resource bundles, with times and dates written the French and English way. */
final class Messages {

  private static final String BUNDLE = "fr.prefecture.accueil.kiosk.messages";
  private static final ResourceBundle.Control STRICT = ResourceBundle.Control
      .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final ResourceBundle fr = ResourceBundle.getBundle(BUNDLE, Locale.FRENCH, STRICT);
  private final ResourceBundle en = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, STRICT);
  private final ZoneId zone;

  Messages(ZoneId zone) {
    this.zone = zone;
  }

  /** The text for {@code key}; {@code {time}} and {@code {date}} stand for {@code when} in local time. */
  Message get(String key, Instant when) {
    String french = fr.getString(key);
    String english = en.getString(key);
    if (when != null) {
      ZonedDateTime local = when.atZone(zone);
      french = french.replace("{time}", VisitorTime.frenchTime(local))
          .replace("{date}", VisitorTime.frenchDate(local));
      english = english.replace("{time}", VisitorTime.englishTime(local))
          .replace("{date}", VisitorTime.englishDate(local));
    }
    return new Message(french, english);
  }
}
