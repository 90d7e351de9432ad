package fr.prefecture.accueil.site;

import fr.prefecture.accueil.site.Site.Area;
import fr.prefecture.accueil.site.Site.Building;
import fr.prefecture.accueil.site.Site.Floor;
import fr.prefecture.accueil.site.Site.Gate;
import fr.prefecture.accueil.site.Site.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and validates the site YAML, one method or class per section; every problem names the file and the key,
 * and a key no section knows is an error.
 */
public final class SiteLoader {
  /** The configuration file shipped with the product, also inside the jar. */
  public static final Path DEFAULT = Path.of("config/accueil.yaml");
  static final String DEFAULT_TIME_ZONE = "Europe/Paris";

  private SiteLoader() {}

  /** The site, the file it came from and its raw {@code server} and {@code mail} sections (read by the settings). */
  public record Loaded(Site site, String file, Map<String, Object> server, Map<String, Object> mail) {
    /** The server section, refusing any key but the given ones. */
    public Map<String, Object> server(Set<String> keys) {
      Node.of(file, "server", server, keys);
      return server;
    }

    /** The mail section (empty when absent), refusing any key but the given ones. */
    public Map<String, Object> mail(Set<String> keys) {
      Node.of(file, "mail", mail, keys);
      return mail;
    }
  }

  /**
   * Reads the file (blocking). Without the default file in the working directory, the copy of the
   * demo site inside the jar is used, so that the jar starts from anywhere.
   */
  public static Loaded load(Path path) {
    String name = path.toString();
    String text;
    try {
      if (path.equals(DEFAULT) && !Files.exists(path)) {
        try (var in = SiteLoader.class.getClassLoader().getResourceAsStream("config/accueil.yaml")) {
          if (in != null) {
            return parse("accueil.jar!/config/accueil.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
      text = Files.readString(path);
    } catch (IOException e) {
      throw new ConfigException(name, "(file)", "cannot be read: " + e.getMessage());
    }
    return parse(name, text);
  }

  public static Loaded parse(String fileName, String yamlText) {
    Object document;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(20);
      document = new Yaml(new SafeConstructor(options)).load(yamlText);
    } catch (YAMLException e) {
      throw new ConfigException(fileName, "(syntax)", "is not valid YAML: " + firstLine(e.getMessage()));
    }
    Node root = Node.root(fileName, document,
        Set.of("server", "mail", "site", "buildings", "zones", "services", "gates", "screens", "places"));
    return new Loaded(site(root), fileName, root.entries("server"), root.entries("mail"));
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  private static Site site(Node root) {
    Node site = root.node("site", "name", "timezone", "openingHours");
    Text name = site.text("name");
    String zoneId = site.optionalString("timezone").orElse(DEFAULT_TIME_ZONE);
    ZoneId timeZone;
    try {
      timeZone = ZoneId.of(zoneId);
    } catch (DateTimeException e) {
      throw site.fail("timezone", "unknown time zone '" + zoneId + "'");
    }
    List<Building> buildings = buildings(root);
    List<Area> zones = zones(root, buildings);
    Set<String> zoneIds = new HashSet<>(zones.stream().map(Area::id).toList());
    List<Site.Service> services = new ServicesSection(root, buildings, zoneIds).read();
    Set<String> serviceCodes = new HashSet<>(services.stream().map(Site.Service::code).toList());
    List<Site.Place> places = places(root, buildings);
    return new Site(name, timeZone, buildings, zones, services, gates(root, zoneIds),
        new ScreensSection(root, zoneIds, serviceCodes, places.stream().map(Site.Place::id).toList()).read(),
        openingHours(site), places);
  }

  private static Site.OpeningHours openingHours(Node site) {
    if (!site.has("openingHours")) {
      return Site.OpeningHours.DEFAULT;
    }
    Node hours = site.node("openingHours", "days", "opens", "closes");
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (Object day : hours.list("days")) {
      if (!(day instanceof Integer d) || d < 1 || d > 7) {
        throw hours.fail("days", "must list days of the week as 1 (Monday) to 7 (Sunday)");
      }
      days.add(DayOfWeek.of(d));
    }
    LocalTime opens = hours.time("opens");
    LocalTime closes = hours.time("closes");
    if (days.isEmpty() || !opens.isBefore(closes)) {
      throw hours.fail("closes", "opening hours need at least one day, and closes after opens");
    }
    return new Site.OpeningHours(days, opens, closes);
  }

  private static List<Building> buildings(Node root) {
    List<Building> buildings = root.nodes("buildings", "id", "name", "floors").stream()
        .map(b -> new Building(b.string("id"), b.text("name"), b.nodes("floors", "level", "name").stream()
            .map(f -> new Floor(f.integer("level", -10, 100), f.text("name"))).toList()))
        .toList();
    unique(root, buildings.stream().map(Building::id).toList(), "buildings", "building id");
    return buildings;
  }

  private static List<Area> zones(Node root, List<Building> buildings) {
    List<Area> zones = root.nodes("zones", "id", "name", "building", "floor").stream().map(z -> {
      String building = z.string("building");
      int floor = z.integer("floor", -10, 100);
      checkFloor(z, buildings, building, floor);
      return new Area(z.id("id"), z.text("name"), building, floor);
    }).toList();
    unique(root, zones.stream().map(Area::id).toList(), "zones", "zone id");
    return zones;
  }

  /** The places a service may be moved to (optional section). */
  private static List<Site.Place> places(Node root, List<Building> buildings) {
    if (!root.has("places")) {
      return List.of();
    }
    List<Site.Place> places = root.nodes("places", "id", "name", "building", "floor").stream().map(p -> {
      String building = p.string("building");
      int floor = p.integer("floor", -10, 100);
      checkFloor(p, buildings, building, floor);
      return new Site.Place(p.id("id"), p.text("name"), building, floor);
    }).toList();
    unique(root, places.stream().map(Site.Place::id).toList(), "places", "place id");
    return places;
  }

  private static List<Gate> gates(Node root, Set<String> zoneIds) {
    List<Node> raw = root.nodes("gates", "id", "name", "zone", "verdictSeconds");
    if (raw.isEmpty()) {
      throw root.fail("gates", "at least one gate is required");
    }
    List<Gate> gates = raw.stream().map(g -> new Gate(g.id("id"), g.text("name"), zone(g, zoneIds),
        g.integer("verdictSeconds", 5, 600, Gate.DEFAULT_VERDICT_SECONDS))).toList();
    unique(root, gates.stream().map(Gate::id).toList(), "gates", "gate id");
    return gates;
  }

  /** The node's {@code zone}, which must be a declared zone. */
  static String zone(Node node, Set<String> zoneIds) {
    String zone = node.string("zone");
    if (!zoneIds.contains(zone)) {
      throw node.fail("zone", "unknown zone '" + zone + "'");
    }
    return zone;
  }

  /** The node's building and floor must be declared. */
  static void checkFloor(Node node, List<Building> buildings, String building, int floor) {
    Building b = buildings.stream().filter(x -> x.id().equals(building)).findFirst()
        .orElseThrow(() -> node.fail("building", "unknown building '" + building + "'"));
    if (b.floors().stream().noneMatch(f -> f.level() == floor)) {
      throw node.fail("floor", "building " + building + " has no floor " + floor);
    }
  }

  static void unique(Node root, List<String> ids, String field, String what) {
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        throw root.fail(field, what + " '" + id + "' is declared twice");
      }
    }
  }
}
