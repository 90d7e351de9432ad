package fr.prefecture.accueil.time;

import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.kiosk.admission.VisitorTime;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The site's clock and time zone: wall-clock input in, instants stored, DST handled once here. */
public final class SiteTime {
  private static final Pattern LOCAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?");
  private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private final Clock clock;
  private final ZoneId zone;

  public SiteTime(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  /** A clock that starts at the given instant and then runs in real time (--now). */
  public static Clock startingAt(Instant start) {
    return Clock.offset(Clock.systemUTC(), java.time.Duration.between(Instant.now(), start));
  }

  public Clock clock() {
    return clock;
  }

  public ZoneId zone() {
    return zone;
  }

  public Instant now() {
    return clock.instant();
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  public LocalDate dateOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /** ISO with the site's offset at that instant, e.g. 2026-03-30T09:00+02:00. */
  public String iso(Instant instant) {
    return instant.atZone(zone).toOffsetDateTime().toString();
  }

  public String localMinutes(Instant instant) {
    return instant.atZone(zone).format(LOCAL_MINUTES);
  }

  /** What a visitor reads, in French: "mardi 2 décembre 2026" (the product's one format: VisitorTime). */
  public String frenchDate(Instant instant) {
    return VisitorTime.frenchDate(instant.atZone(zone));
  }

  /** "10 h 20", "9 h 05". */
  public String frenchTime(Instant instant) {
    return VisitorTime.frenchTime(instant.atZone(zone));
  }

  /** "Tuesday 2 December 2026". */
  public String englishDate(Instant instant) {
    return VisitorTime.englishDate(instant.atZone(zone));
  }

  /** "10:20", "09:05". */
  public String englishTime(Instant instant) {
    return VisitorTime.englishTime(instant.atZone(zone));
  }

  /** "mardi 2 décembre 2026, 10 h 20". */
  public String frenchDateTime(Instant instant) {
    return frenchDate(instant) + ", " + frenchTime(instant);
  }

  /** "Tuesday 2 December 2026, 10:20". */
  public String englishDateTime(Instant instant) {
    return englishDate(instant) + ", " + englishTime(instant);
  }

  /**
   * Local wall-clock time (YYYY-MM-DDTHH:MM) or ISO with an offset. A local time that does not
   * exist (the hour skipped when summer time starts) is refused; one that happens twice (the hour
   * repeated in October) is taken at its first occurrence.
   */
  public Instant parseStart(String field, String text) {
    try {
      if (LOCAL.matcher(text).matches()) {
        return atLocal(field, LocalDateTime.parse(text));
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("invalid_field", "Field '" + field + "' must be a local time "
          + "YYYY-MM-DDTHH:MM or an ISO date-time with offset, not '" + text + "'");
    }
  }

  public Instant atLocal(String field, LocalDateTime local) {
    ZonedDateTime zoned = ZonedDateTime.ofLocal(local, zone, null);
    if (!zoned.toLocalDateTime().equals(local)) {
      throw ApiException.badRequest("nonexistent_time", "Field '" + field + "': " + local
          + " does not exist in " + zone + " (clocks go forward that night)");
    }
    return zoned.toInstant();
  }

  public LocalDate parseDate(String field, String text) {
    LocalDate date;
    try {
      date = LocalDate.parse(text);
    } catch (DateTimeException e) {
      throw ApiException.badRequest("invalid_field", "Parameter '" + field + "' must be a date YYYY-MM-DD");
    }
    // Extreme years overflow the instants and the calendar arithmetic further on (a 500 before).
    if (date.getYear() < 2000 || date.getYear() > 2100) {
      throw ApiException.badRequest("invalid_field", "Parameter '" + field + "' must be a date of 2000 to 2100");
    }
    return date;
  }

  /** The instant the given local day starts (midnight, or the first instant after a gap). */
  public Instant startOfDay(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }
}
