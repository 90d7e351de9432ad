package fr.prefecture.accueil.site;

import fr.prefecture.accueil.site.Site.Admission;
import fr.prefecture.accueil.site.Site.Area;
import fr.prefecture.accueil.site.Site.Building;
import fr.prefecture.accueil.site.Site.Floor;
import fr.prefecture.accueil.site.Site.Gate;
import fr.prefecture.accueil.site.Site.Location;
import fr.prefecture.accueil.site.Site.PanSlots;
import fr.prefecture.accueil.site.Site.PlaylistItem;
import fr.prefecture.accueil.site.Site.Screen;
import fr.prefecture.accueil.site.Site.Service;
import fr.prefecture.accueil.site.Site.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads and validates the site YAML; every problem names the file and the key. */
public final class SiteLoader {
  static final Set<String> LAYOUTS =
      Set.of("wayfinding", "calls", "notices", "charter", "transparency", "access");
  static final Set<String> DIRECTIONS =
      Set.of("left", "right", "ahead", "up", "down", "behind", "here");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final Pattern COUNTER = Pattern.compile("[A-Za-z0-9-]{1,12}");

  private final String file;

  private SiteLoader(String file) {
    this.file = file;
  }

  /** The raw YAML document with the site and the server section; blocking file read. */
  public record Loaded(Site site, Map<String, Object> server) {}

  /** The configuration file shipped with the product, also inside the jar. */
  public static final Path DEFAULT = Path.of("config/accueil.yaml");

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
            return parse("accueil.jar!/config/accueil.yaml", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
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
    Object root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(20);
      root = new Yaml(new SafeConstructor(options)).load(yamlText);
    } catch (YAMLException e) {
      throw new ConfigException(fileName, "(syntax)", "is not valid YAML: " + firstLine(e.getMessage()));
    }
    SiteLoader loader = new SiteLoader(fileName);
    Map<String, Object> map = loader.map(root, "(root)");
    return new Loaded(loader.site(map), loader.optionalMap(map, "server", "server"));
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  private Site site(Map<String, Object> root) {
    Map<String, Object> site = map(root.get("site"), "site");
    Text name = text(site.get("name"), "site.name");
    ZoneId timeZone;
    String zoneId = optionalString(site, "timezone", "site.timezone").orElse("Europe/Paris");
    try {
      timeZone = ZoneId.of(zoneId);
    } catch (DateTimeException e) {
      throw fail("site.timezone", "unknown time zone '" + zoneId + "'");
    }

    List<Building> buildings = new ArrayList<>();
    List<Object> rawBuildings = list(root.get("buildings"), "buildings");
    for (int i = 0; i < rawBuildings.size(); i++) {
      String key = "buildings[" + i + "]";
      Map<String, Object> b = map(rawBuildings.get(i), key);
      List<Floor> floors = new ArrayList<>();
      List<Object> rawFloors = list(b.get("floors"), key + ".floors");
      for (int f = 0; f < rawFloors.size(); f++) {
        String fk = key + ".floors[" + f + "]";
        Map<String, Object> fm = map(rawFloors.get(f), fk);
        floors.add(new Floor(integer(fm, "level", fk, -10, 100), text(fm.get("name"), fk + ".name")));
      }
      buildings.add(new Building(string(b, "id", key), text(b.get("name"), key + ".name"), floors));
    }
    unique(buildings.stream().map(Building::id).toList(), "buildings", "building id");

    List<Area> zones = new ArrayList<>();
    List<Object> rawZones = list(root.get("zones"), "zones");
    for (int i = 0; i < rawZones.size(); i++) {
      String key = "zones[" + i + "]";
      Map<String, Object> z = map(rawZones.get(i), key);
      String building = string(z, "building", key);
      int floor = integer(z, "floor", key, -10, 100);
      checkFloor(buildings, building, floor, key);
      zones.add(new Area(id(z, "id", key), text(z.get("name"), key + ".name"), building, floor));
    }
    unique(zones.stream().map(Area::id).toList(), "zones", "zone id");
    Set<String> zoneIds = new HashSet<>(zones.stream().map(Area::id).toList());

    List<Service> services = new ArrayList<>();
    Set<String> allCounters = new HashSet<>();
    Set<String> prefixes = new HashSet<>();
    List<Object> rawServices = list(root.get("services"), "services");
    if (rawServices.isEmpty()) {
      throw fail("services", "at least one service is required");
    }
    for (int i = 0; i < rawServices.size(); i++) {
      String key = "services[" + i + "]";
      Map<String, Object> s = map(rawServices.get(i), key);
      String code = id(s, "code", key);
      Map<String, Object> loc = map(s.get("location"), key + ".location");
      String building = string(loc, "building", key + ".location");
      int floor = integer(loc, "floor", key + ".location", -10, 100);
      checkFloor(buildings, building, floor, key + ".location");
      String zone = string(loc, "zone", key + ".location");
      if (!zoneIds.contains(zone)) {
        throw fail(key + ".location.zone", "unknown zone '" + zone + "'");
      }
      Text room = loc.containsKey("room") ? text(loc.get("room"), key + ".location.room") : new Text("", "");
      List<String> counters = new ArrayList<>();
      List<Object> rawCounters = list(s.get("counters"), key + ".counters");
      if (rawCounters.isEmpty()) {
        throw fail(key + ".counters", "a service needs at least one counter");
      }
      for (int c = 0; c < rawCounters.size(); c++) {
        Object counter = rawCounters.get(c);
        if (!(counter instanceof String cs) || !COUNTER.matcher(cs).matches()) {
          throw fail(key + ".counters[" + c + "]", "must be a counter id (letters, digits, dashes; 12 at most)");
        }
        if (!allCounters.add(cs)) {
          throw fail(key + ".counters[" + c + "]", "counter '" + cs + "' is declared twice");
        }
        counters.add(cs);
      }
      String prefix = string(s, "ticketPrefix", key);
      if (!prefix.matches("[A-Z]{1,2}")) {
        throw fail(key + ".ticketPrefix", "must be one or two capital letters");
      }
      if (!prefixes.add(prefix)) {
        throw fail(key + ".ticketPrefix", "prefix '" + prefix + "' is used by another service");
      }
      int duration = s.containsKey("defaultDurationMinutes")
          ? integer(s, "defaultDurationMinutes", key, 1, 480) : 15;
      Map<String, Object> adm = optionalMap(s, "admission", key + ".admission");
      int early = adm.containsKey("earlyMinutes") ? integer(adm, "earlyMinutes", key + ".admission", 0, 240) : 20;
      int grace = adm.containsKey("graceMinutes") ? integer(adm, "graceMinutes", key + ".admission", 0, 240) : 30;
      Optional<PanSlots> pan = Optional.empty();
      if (s.containsKey("pan")) {
        String pk = key + ".pan";
        Map<String, Object> p = map(s.get("pan"), pk);
        LocalTime opens = time(p, "opens", pk);
        LocalTime closes = time(p, "closes", pk);
        if (!opens.isBefore(closes)) {
          throw fail(pk + ".closes", "must be after opens");
        }
        pan = Optional.of(new PanSlots(integer(p, "slotMinutes", pk, 5, 240), integer(p, "capacity", pk, 1, 50),
            opens, closes));
      }
      services.add(new Service(code, text(s.get("name"), key + ".name"),
          new Location(building, floor, zone, room), List.copyOf(counters), prefix, duration,
          new Admission(Duration.ofMinutes(early), Duration.ofMinutes(grace)), pan, queueing(s, key)));
    }
    unique(services.stream().map(Service::code).toList(), "services", "service code");
    Set<String> serviceCodes = new HashSet<>(services.stream().map(Service::code).toList());

    List<Gate> gates = new ArrayList<>();
    List<Object> rawGates = list(root.get("gates"), "gates");
    if (rawGates.isEmpty()) {
      throw fail("gates", "at least one gate is required");
    }
    for (int i = 0; i < rawGates.size(); i++) {
      String key = "gates[" + i + "]";
      Map<String, Object> g = map(rawGates.get(i), key);
      String zone = string(g, "zone", key);
      if (!zoneIds.contains(zone)) {
        throw fail(key + ".zone", "unknown zone '" + zone + "'");
      }
      gates.add(new Gate(id(g, "id", key), text(g.get("name"), key + ".name"), zone));
    }
    unique(gates.stream().map(Gate::id).toList(), "gates", "gate id");

    List<Screen> screens = new ArrayList<>();
    List<Object> rawScreens = root.containsKey("screens") ? list(root.get("screens"), "screens") : List.of();
    for (int i = 0; i < rawScreens.size(); i++) {
      String key = "screens[" + i + "]";
      Map<String, Object> sc = map(rawScreens.get(i), key);
      String zone = string(sc, "zone", key);
      if (!zoneIds.contains(zone)) {
        throw fail(key + ".zone", "unknown zone '" + zone + "'");
      }
      String orientation = optionalString(sc, "orientation", key).orElse("landscape");
      if (!Set.of("landscape", "portrait").contains(orientation)) {
        throw fail(key + ".orientation", "must be landscape or portrait");
      }
      String languages = optionalString(sc, "languages", key).orElse("side-by-side");
      if (!Set.of("side-by-side", "alternate").contains(languages)) {
        throw fail(key + ".languages", "must be side-by-side or alternate");
      }
      boolean chime = sc.containsKey("chime") && bool(sc.get("chime"), key + ".chime");
      Map<String, String> directions = new LinkedHashMap<>();
      Map<String, Object> rawDirections = optionalMap(sc, "directions", key + ".directions");
      for (Map.Entry<String, Object> d : rawDirections.entrySet()) {
        String dk = key + ".directions." + d.getKey();
        if (!serviceCodes.contains(d.getKey())) {
          throw fail(dk, "unknown service '" + d.getKey() + "'");
        }
        if (!(d.getValue() instanceof String dir) || !DIRECTIONS.contains(dir)) {
          throw fail(dk, "must be one of " + String.join(", ", DIRECTIONS.stream().sorted().toList()));
        }
        directions.put(d.getKey(), dir);
      }
      List<PlaylistItem> playlist = new ArrayList<>();
      List<Object> rawPlaylist = list(sc.get("playlist"), key + ".playlist");
      if (rawPlaylist.isEmpty()) {
        throw fail(key + ".playlist", "a screen needs at least one layout");
      }
      for (int p = 0; p < rawPlaylist.size(); p++) {
        String pk = key + ".playlist[" + p + "]";
        Map<String, Object> item = map(rawPlaylist.get(p), pk);
        String layout = string(item, "layout", pk);
        if (!LAYOUTS.contains(layout)) {
          throw fail(pk + ".layout", "unknown layout '" + layout + "' (one of "
              + String.join(", ", LAYOUTS.stream().sorted().toList()) + ")");
        }
        playlist.add(new PlaylistItem(layout, integer(item, "seconds", pk, 5, 600)));
      }
      screens.add(new Screen(id(sc, "id", key), text(sc.get("name"), key + ".name"), zone, orientation,
          languages, chime, Map.copyOf(directions), List.copyOf(playlist)));
    }
    unique(screens.stream().map(Screen::id).toList(), "screens", "screen id");

    return new Site(name, timeZone, List.copyOf(buildings), List.copyOf(zones), List.copyOf(services),
        List.copyOf(gates), List.copyOf(screens));
  }

  private Site.Queueing queueing(Map<String, Object> service, String key) {
    String qk = key + ".queue";
    Map<String, Object> q = optionalMap(service, "queue", qk);
    Site.QueueRule rule = Site.Queueing.DEFAULT.rule();
    Optional<String> raw = optionalString(q, "rule", qk);
    if (raw.isPresent()) {
      rule = Site.QueueRule.parse(raw.get()).orElseThrow(() -> fail(qk + ".rule", "unknown rule '" + raw.get()
          + "' (one of appointments-first, alternate, by-time)"));
    }
    int absentAfter = q.containsKey("absentAfterCalls")
        ? integer(q, "absentAfterCalls", qk, 1, 10) : Site.Queueing.DEFAULT.absentAfterCalls();
    return new Site.Queueing(rule, absentAfter);
  }

  private void checkFloor(List<Building> buildings, String building, int floor, String key) {
    Building b = buildings.stream().filter(x -> x.id().equals(building)).findFirst()
        .orElseThrow(() -> fail(key + ".building", "unknown building '" + building + "'"));
    if (b.floors().stream().noneMatch(f -> f.level() == floor)) {
      throw fail(key + ".floor", "building " + building + " has no floor " + floor);
    }
  }

  private void unique(List<String> ids, String key, String what) {
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        throw fail(key, what + " '" + id + "' is declared twice");
      }
    }
  }

  private ConfigException fail(String key, String problem) {
    return new ConfigException(file, key, problem);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> map(Object value, String key) {
    if (value == null) {
      throw fail(key, "is required");
    }
    if (!(value instanceof Map<?, ?> m)) {
      throw fail(key, "must be a mapping");
    }
    for (Object k : m.keySet()) {
      if (!(k instanceof String)) {
        throw fail(key, "keys must be text");
      }
    }
    return (Map<String, Object>) m;
  }

  private Map<String, Object> optionalMap(Map<String, Object> parent, String field, String key) {
    Object v = parent.get(field);
    return v == null ? Map.of() : map(v, key);
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(Object value, String key) {
    if (value == null) {
      throw fail(key, "is required");
    }
    if (!(value instanceof List<?> l)) {
      throw fail(key, "must be a list");
    }
    return (List<Object>) l;
  }

  private String string(Map<String, Object> m, String field, String key) {
    return optionalString(m, field, key).orElseThrow(() -> fail(key + "." + field, "is required"));
  }

  private Optional<String> optionalString(Map<String, Object> m, String field, String key) {
    Object v = m.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw fail(key.endsWith("." + field) ? key : key + "." + field, "must be a non-empty text");
    }
    return Optional.of(s.strip());
  }

  private String id(Map<String, Object> m, String field, String key) {
    String value = string(m, field, key);
    if (!ID.matcher(value).matches()) {
      throw fail(key + "." + field, "'" + value + "' must be lower-case letters, digits and dashes (40 at most)");
    }
    return value;
  }

  private int integer(Map<String, Object> m, String field, String key, int min, int max) {
    Object v = m.get(field);
    if (v == null) {
      throw fail(key + "." + field, "is required");
    }
    if (!(v instanceof Integer i)) {
      throw fail(key + "." + field, "must be a whole number");
    }
    if (i < min || i > max) {
      throw fail(key + "." + field, "must be between " + min + " and " + max);
    }
    return i;
  }

  private boolean bool(Object v, String key) {
    if (!(v instanceof Boolean b)) {
      throw fail(key, "must be true or false");
    }
    return b;
  }

  private LocalTime time(Map<String, Object> m, String field, String key) {
    String raw = string(m, field, key);
    try {
      return LocalTime.parse(raw);
    } catch (DateTimeException e) {
      throw fail(key + "." + field, "must be a time HH:MM, not '" + raw + "'");
    }
  }

  private Text text(Object value, String key) {
    Map<String, Object> m = map(value, key);
    return new Text(string(m, "fr", key), string(m, "en", key));
  }
}
