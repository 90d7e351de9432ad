package fr.prefecture.accueil.site;

import fr.prefecture.accueil.site.Site.Admission;
import fr.prefecture.accueil.site.Site.Building;
import fr.prefecture.accueil.site.Site.Location;
import fr.prefecture.accueil.site.Site.PanSlots;
import fr.prefecture.accueil.site.Site.Service;
import fr.prefecture.accueil.site.Site.Text;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code services} section: codes, names, location, waiting zone, counters, ticket prefix, admission, PAN slots,
 * queue.
 */
final class ServicesSection {
  static final int DEFAULT_DURATION_MINUTES = 15;
  private static final Pattern COUNTER = Pattern.compile("[A-Za-z0-9-]{1,12}");

  private final Node root;
  private final List<Building> buildings;
  private final Set<String> zoneIds;
  private final Set<String> allCounters = new HashSet<>();
  private final Set<String> prefixes = new HashSet<>();

  ServicesSection(Node root, List<Building> buildings, Set<String> zoneIds) {
    this.root = root;
    this.buildings = buildings;
    this.zoneIds = zoneIds;
  }

  List<Service> read() {
    List<Node> raw = root.nodes("services", "code", "name", "location", "counters", "ticketPrefix",
        "defaultDurationMinutes", "admission", "pan", "queue", "waitingZone", "thresholds");
    if (raw.isEmpty()) {
      throw root.fail("services", "at least one service is required");
    }
    List<Service> services = raw.stream().map(this::service).toList();
    SiteLoader.unique(root, services.stream().map(Service::code).toList(), "services", "service code");
    return services;
  }

  private Service service(Node s) {
    String code = s.id("code");
    Location location = location(s.node("location", "building", "floor", "zone", "room"));
    List<String> counters = counters(s);
    String prefix = prefix(s);
    int duration = s.integer("defaultDurationMinutes", 1, 480, DEFAULT_DURATION_MINUTES);
    String waitingZone = s.optionalString("waitingZone").orElse(location.zone());
    if (!zoneIds.contains(waitingZone)) {
      throw s.fail("waitingZone", "unknown zone '" + waitingZone + "'");
    }
    return new Service(code, s.text("name"), location, counters, prefix, duration, admission(s), pan(s), queueing(s),
        waitingZone, thresholds(s));
  }

  private Location location(Node loc) {
    String building = loc.string("building");
    int floor = loc.integer("floor", -10, 100);
    SiteLoader.checkFloor(loc, buildings, building, floor);
    String zone = SiteLoader.zone(loc, zoneIds);
    return new Location(building, floor, zone, loc.text("room", new Text("", "")));
  }

  private List<String> counters(Node s) {
    List<Object> raw = s.list("counters");
    if (raw.isEmpty()) {
      throw s.fail("counters", "a service needs at least one counter");
    }
    List<String> counters = new ArrayList<>();
    for (int c = 0; c < raw.size(); c++) {
      if (!(raw.get(c) instanceof String counter) || !COUNTER.matcher(counter).matches()) {
        throw s.fail("counters[" + c + "]", "must be a counter id (letters, digits, dashes; 12 at most)");
      }
      if (!allCounters.add(counter)) {
        throw s.fail("counters[" + c + "]", "counter '" + counter + "' is declared twice");
      }
      counters.add(counter);
    }
    return List.copyOf(counters);
  }

  private String prefix(Node s) {
    String prefix = s.string("ticketPrefix");
    if (!prefix.matches("[A-Z]{1,2}")) {
      throw s.fail("ticketPrefix", "must be one or two capital letters");
    }
    if (!prefixes.add(prefix)) {
      throw s.fail("ticketPrefix", "prefix '" + prefix + "' is used by another service");
    }
    return prefix;
  }

  private static Admission admission(Node s) {
    Node adm = s.optionalNode("admission", "earlyMinutes", "graceMinutes", "maxCompanions");
    Admission d = Admission.DEFAULT;
    return new Admission(
        Duration.ofMinutes(adm.integer("earlyMinutes", 0, 240, (int) d.early().toMinutes())),
        Duration.ofMinutes(adm.integer("graceMinutes", 0, 240, (int) d.grace().toMinutes())),
        adm.integer("maxCompanions", 0, Admission.MAX_COMPANIONS, d.maxCompanions()));
  }

  private static Optional<PanSlots> pan(Node s) {
    if (!s.has("pan")) {
      return Optional.empty();
    }
    Node p = s.node("pan", "slotMinutes", "capacity", "opens", "closes");
    LocalTime opens = p.time("opens");
    LocalTime closes = p.time("closes");
    if (!opens.isBefore(closes)) {
      throw p.fail("closes", "must be after opens");
    }
    return Optional.of(new PanSlots(p.integer("slotMinutes", 5, 240), p.integer("capacity", 1, 50), opens, closes));
  }

  private static Site.Thresholds thresholds(Node s) {
    Node t = s.optionalNode("thresholds", "waitMinutes", "waiting");
    return new Site.Thresholds(
        t.has("waitMinutes") ? Optional.of(t.integer("waitMinutes", 1, 600)) : Optional.empty(),
        t.has("waiting") ? Optional.of(t.integer("waiting", 1, 10000)) : Optional.empty());
  }

  private static Site.Queueing queueing(Node s) {
    Node q = s.optionalNode("queue", "rule", "absentAfterCalls");
    Site.Queueing d = Site.Queueing.DEFAULT;
    Site.QueueRule rule = q.optionalString("rule").map(raw -> Site.QueueRule.parse(raw).orElseThrow(
        () -> q.fail("rule", "unknown rule '" + raw + "' (one of " + String.join(", ", Site.QueueRule.codes()) + ")")))
        .orElse(d.rule());
    return new Site.Queueing(rule, q.integer("absentAfterCalls", 1, 10, d.absentAfterCalls()));
  }
}
