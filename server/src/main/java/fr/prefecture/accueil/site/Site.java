package fr.prefecture.accueil.site;

import fr.prefecture.accueil.kiosk.admission.AdmissionPolicy;
import fr.prefecture.accueil.time.SiteTime;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The site as configured: buildings, zones, services with counters, gates, screens, and the places a service may be
 * moved to.
 */
public record Site(Text name, ZoneId zone, List<Building> buildings, List<Area> zones,
    List<Service> services, List<Gate> gates, List<Screen> screens, OpeningHours openingHours, List<Place> places) {

  /** Without places to move a service to. */
  public Site(Text name, ZoneId zone, List<Building> buildings, List<Area> zones, List<Service> services,
      List<Gate> gates, List<Screen> screens, OpeningHours openingHours) {
    this(name, zone, buildings, zones, services, gates, screens, openingHours, List.of());
  }

  /** A room a service may be moved to (a manager picks one); every screen gives its direction to each. */
  public record Place(String id, Text name, String building, int floor) {}

  /** When the public is received: these days of the week (1 = Monday), from opens to closes, site time. */
  public record OpeningHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {
    public static final OpeningHours DEFAULT = new OpeningHours(
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 30), LocalTime.of(16, 30));

    public boolean open(ZonedDateTime at) {
      LocalTime t = at.toLocalTime();
      return days.contains(at.getDayOfWeek()) && !t.isBefore(opens) && t.isBefore(closes);
    }

    /**
     * The demo's clock: real time during opening hours; outside them, a clock started one hour after the next
     * opening, so that a newcomer finds a living gate, queue and screens whatever the hour.
     */
    public Clock demoClock(ZoneId zone) {
      ZonedDateTime now = ZonedDateTime.now(zone);
      return open(now) ? Clock.systemUTC() : SiteTime.startingAt(nextOpening(now).plusHours(1).toInstant());
    }

    /** The first opening, at or after {@code at}, of a day the site opens. */
    public ZonedDateTime nextOpening(ZonedDateTime at) {
      ZonedDateTime day = at.toLocalDate().atTime(opens).atZone(at.getZone());
      while (!days.contains(day.getDayOfWeek()) || day.isBefore(at)) {
        day = day.toLocalDate().plusDays(1).atTime(opens).atZone(at.getZone());
      }
      return day;
    }
  }

  /** A text in French and English. */
  public record Text(String fr, String en) {}

  public record Floor(int level, Text name) {}

  public record Building(String id, Text name, List<Floor> floors) {}

  /** A zone of the site (a hall, a waiting room): screens and alerts target zones. */
  public record Area(String id, Text name, String building, int floor) {}

  public record Location(String building, int floor, String zone, Text room) {}

  /**
   * A service's gate window, and how many companions (interpreter, lawyer, parent) may enter with a visitor
   * before the guard must confirm; without one in the file, the prefecture's defaults.
   */
  public record Admission(Duration early, Duration grace, int maxCompanions) {
    public static final int DEFAULT_MAX_COMPANIONS = 1;
    /** The most companions one admission may record, confirmed or not. */
    public static final int MAX_COMPANIONS = 20;
    public static final Admission DEFAULT = new Admission(AdmissionPolicy.DEFAULT.earlyWindow(),
        AdmissionPolicy.DEFAULT.lateGrace(), DEFAULT_MAX_COMPANIONS);
  }

  /** Opening hours and capacity of the slots of a digital help desk (PAN). */
  public record PanSlots(int slotMinutes, int capacity, LocalTime opens, LocalTime closes) {}

  /** How a service's queue orders arrived appointments against walk-in tickets. */
  public enum QueueRule {
    /** Booked visitors (appointments, PAN slots) first, by their time; then walk-ins, first come first served. */
    APPOINTMENTS_FIRST("appointments-first"),
    /** One booked visitor, then one walk-in, and so on; each line in its own order. */
    ALTERNATE("alternate"),
    /** One line: booked visitors at their appointment time, walk-ins at the time their ticket was issued. */
    BY_TIME("by-time");

    private final String code;

    QueueRule(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static List<String> codes() {
      return java.util.Arrays.stream(values()).map(QueueRule::code).toList();
    }

    public static Optional<QueueRule> parse(String code) {
      for (QueueRule r : values()) {
        if (r.code.equals(code)) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }
  }

  /** A service's queue settings: the ordering rule, and how many calls before a ticket may be marked absent. */
  public record Queueing(QueueRule rule, int absentAfterCalls) {
    public static final Queueing DEFAULT = new Queueing(QueueRule.APPOINTMENTS_FIRST, 2);
  }

  /**
   * A service; its calls show on the screens of its {@code waitingZone} (where its visitors wait: by default the zone
   * of its location).
   */
  public record Service(String code, Text name, Location location, List<String> counters,
      String ticketPrefix, int defaultDurationMinutes, Admission admission, Optional<PanSlots> pan,
      Queueing queue, String waitingZone, Thresholds thresholds) {

    /** Without thresholds. */
    public Service(String code, Text name, Location location, List<String> counters, String ticketPrefix,
        int defaultDurationMinutes, Admission admission, Optional<PanSlots> pan, Queueing queue, String waitingZone) {
      this(code, name, location, counters, ticketPrefix, defaultDurationMinutes, admission, pan, queue, waitingZone,
          Thresholds.NONE);
    }

    /** Waiting in the zone of its location. */
    public Service(String code, Text name, Location location, List<String> counters, String ticketPrefix,
        int defaultDurationMinutes, Admission admission, Optional<PanSlots> pan, Queueing queue) {
      this(code, name, location, counters, ticketPrefix, defaultDurationMinutes, admission, pan, queue,
          location.zone());
    }

    /** Without queue settings: the defaults. */
    public Service(String code, Text name, Location location, List<String> counters, String ticketPrefix,
        int defaultDurationMinutes, Admission admission, Optional<PanSlots> pan) {
      this(code, name, location, counters, ticketPrefix, defaultDurationMinutes, admission, pan, Queueing.DEFAULT);
    }
  }

  /**
   * The limits past which the managers' live view marks a service: the longest current wait in minutes, the visitors
   * waiting; either may be absent.
   */
  public record Thresholds(Optional<Integer> waitMinutes, Optional<Integer> waiting) {
    public static final Thresholds NONE = new Thresholds(Optional.empty(), Optional.empty());
  }

  /** A gatehouse; its kiosk clears a verdict after {@code verdictSeconds}, so the next visitor never reads it. */
  public record Gate(String id, Text name, String zone, int verdictSeconds) {
    public static final int DEFAULT_VERDICT_SECONDS = 20;
  }

  public record PlaylistItem(String layout, int seconds) {}

  /** A screen; {@code directions} from it to each service, {@code placeDirections} to each place. */
  public record Screen(String id, Text name, String zone, String orientation, String languages,
      boolean chime, Map<String, String> directions, List<PlaylistItem> playlist, Map<String, String> placeDirections) {

    public Screen(String id, Text name, String zone, String orientation, String languages, boolean chime,
        Map<String, String> directions, List<PlaylistItem> playlist) {
      this(id, name, zone, orientation, languages, chime, directions, playlist, Map.of());
    }
  }

  public Optional<Place> place(String id) {
    return places.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public Optional<Service> service(String code) {
    return services.stream().filter(s -> s.code().equals(code)).findFirst();
  }

  public Optional<Service> serviceOfCounter(String counter) {
    return services.stream().filter(s -> s.counters().contains(counter)).findFirst();
  }

  public Optional<Screen> screen(String id) {
    return screens.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Gate> gate(String id) {
    return gates.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  public Optional<Area> area(String id) {
    return zones.stream().filter(z -> z.id().equals(id)).findFirst();
  }

  public Optional<Building> building(String id) {
    return buildings.stream().filter(b -> b.id().equals(id)).findFirst();
  }

  /** Where a service receives, as the convocation says it: building, floor, room, in French and English. */
  public Text where(Service s) {
    return new Text(where(s, true), where(s, false));
  }

  private String where(Service s, boolean french) {
    Location l = s.location();
    StringBuilder out = new StringBuilder();
    building(l.building()).ifPresent(b -> {
      out.append(french ? b.name().fr() : b.name().en());
      b.floors().stream().filter(f -> f.level() == l.floor()).findFirst()
          .ifPresent(f -> out.append(", ").append(french ? f.name().fr() : f.name().en()));
    });
    if (l.room() != null) {
      out.append(out.length() > 0 ? ", " : "").append(french ? l.room().fr() : l.room().en());
    }
    return out.toString();
  }
}
