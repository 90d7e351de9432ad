package fr.prefecture.accueil.site;

import fr.prefecture.accueil.signage.view.LanguageMode;
import fr.prefecture.accueil.signage.view.Layouts;
import fr.prefecture.accueil.signage.view.Orientation;
import fr.prefecture.accueil.site.Site.PlaylistItem;
import fr.prefecture.accueil.site.Site.Screen;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code screens} section: zone, orientation, languages, chime, directions to services, playlist, and the
 * direction to every place a service may be moved to.
 */
final class ScreensSection {
  static final List<String> DIRECTIONS = List.of("ahead", "behind", "down", "here", "left", "right", "up");

  private final Node root;
  private final Set<String> zoneIds;
  private final Set<String> serviceCodes;
  private final List<String> placeIds;

  ScreensSection(Node root, Set<String> zoneIds, Set<String> serviceCodes, List<String> placeIds) {
    this.root = root;
    this.zoneIds = zoneIds;
    this.serviceCodes = serviceCodes;
    this.placeIds = placeIds;
  }

  List<Screen> read() {
    if (!root.has("screens")) {
      return List.of();
    }
    List<Screen> screens = root.nodes("screens", "id", "name", "zone", "orientation", "languages", "chime",
        "directions", "playlist", "placeDirections").stream().map(this::screen).toList();
    SiteLoader.unique(root, screens.stream().map(Screen::id).toList(), "screens", "screen id");
    return screens;
  }

  private Screen screen(Node sc) {
    String zone = SiteLoader.zone(sc, zoneIds);
    String orientation = sc.oneOf("orientation", Orientation.codes(), Orientation.DEFAULT.code());
    String languages = sc.oneOf("languages", LanguageMode.codes(), LanguageMode.DEFAULT.code());
    boolean chime = sc.bool("chime", false);
    return new Screen(sc.id("id"), sc.text("name"), zone, orientation, languages, chime, directions(sc),
        playlist(sc), placeDirections(sc));
  }

  /** A screen knows its way to every place, so that a moved service always shows the right arrow. */
  private Map<String, String> placeDirections(Node sc) {
    Map<String, Object> raw = sc.entries("placeDirections");
    Map<String, String> directions = new LinkedHashMap<>();
    for (Map.Entry<String, Object> d : raw.entrySet()) {
      String field = "placeDirections." + d.getKey();
      if (!placeIds.contains(d.getKey())) {
        throw sc.fail(field, "unknown place '" + d.getKey() + "'");
      }
      if (!(d.getValue() instanceof String dir) || !DIRECTIONS.contains(dir)) {
        throw sc.fail(field, "must be one of " + String.join(", ", DIRECTIONS));
      }
      directions.put(d.getKey(), dir);
    }
    for (String place : placeIds) {
      if (!directions.containsKey(place)) {
        throw sc.fail("placeDirections." + place, "is required: the direction from this screen to place '" + place
            + "'");
      }
    }
    return Map.copyOf(directions);
  }

  private Map<String, String> directions(Node sc) {
    Map<String, String> directions = new LinkedHashMap<>();
    for (Map.Entry<String, Object> d : sc.entries("directions").entrySet()) {
      String field = "directions." + d.getKey();
      if (!serviceCodes.contains(d.getKey())) {
        throw sc.fail(field, "unknown service '" + d.getKey() + "'");
      }
      if (!(d.getValue() instanceof String dir) || !DIRECTIONS.contains(dir)) {
        throw sc.fail(field, "must be one of " + String.join(", ", DIRECTIONS));
      }
      directions.put(d.getKey(), dir);
    }
    return Map.copyOf(directions);
  }

  private static List<PlaylistItem> playlist(Node sc) {
    List<Node> items = sc.nodes("playlist", "layout", "seconds");
    if (items.isEmpty()) {
      throw sc.fail("playlist", "a screen needs at least one layout");
    }
    return items.stream().map(item -> {
      String layout = item.string("layout");
      if (!Layouts.NAMES.contains(layout)) {
        throw item.fail("layout", "unknown layout '" + layout + "' (one of "
            + String.join(", ", Layouts.NAMES.stream().sorted().toList()) + ")");
      }
      return new PlaylistItem(layout, item.integer("seconds", 5, 600));
    }).toList();
  }
}
