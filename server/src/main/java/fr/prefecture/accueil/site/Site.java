package fr.prefecture.accueil.site;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The site as configured: buildings, zones, services with counters, gates, screens. */
public record Site(Text name, ZoneId zone, List<Building> buildings, List<Area> zones,
    List<Service> services, List<Gate> gates, List<Screen> screens) {

  /** A text in French and English. */
  public record Text(String fr, String en) {}

  public record Floor(int level, Text name) {}

  public record Building(String id, Text name, List<Floor> floors) {}

  /** A zone of the site (a hall, a waiting room): screens and alerts target zones. */
  public record Area(String id, Text name, String building, int floor) {}

  public record Location(String building, int floor, String zone, Text room) {}

  public record Admission(Duration early, Duration grace) {}

  /** Opening hours and capacity of the slots of a digital help desk (PAN). */
  public record PanSlots(int slotMinutes, int capacity, LocalTime opens, LocalTime closes) {}

  public record Service(String code, Text name, Location location, List<String> counters,
      String ticketPrefix, int defaultDurationMinutes, Admission admission, Optional<PanSlots> pan) {}

  public record Gate(String id, Text name, String zone) {}

  public record PlaylistItem(String layout, int seconds) {}

  public record Screen(String id, Text name, String zone, String orientation, String languages,
      boolean chime, Map<String, String> directions, List<PlaylistItem> playlist) {}

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
}
