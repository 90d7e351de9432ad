package fr.prefecture.accueil.indicator;

import fr.prefecture.accueil.http.Templates;
import fr.prefecture.accueil.site.Site;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The public page /affluence: the published snapshot as one table per weekday, each slot's level in words. */
final class AffluencePage {
  private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
  private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final Site site;
  private final Templates templates = Templates.compile("affluence");

  AffluencePage(Site site) {
    this.site = site;
  }

  String render(JsonObject snapshot) {
    Map<String, Object> model = new HashMap<>();
    model.put("site", snapshot.getJsonObject("site").getMap());
    LocalDate from = LocalDate.parse(snapshot.getString("from"));
    LocalDate to = LocalDate.parse(snapshot.getString("to"));
    model.put("weeks", snapshot.getInteger("weeks"));
    model.put("fromFr", FR_DATE.format(from));
    model.put("toFr", FR_DATE.format(to));
    model.put("fromEn", EN_DATE.format(from));
    model.put("toEn", EN_DATE.format(to));
    List<Map<String, Object>> grids = new ArrayList<>();
    grids.add(grid("site", snapshot.getJsonObject("site"), snapshot));
    for (Object o : snapshot.getJsonArray("services")) {
      JsonObject service = (JsonObject) o;
      grids.add(grid("service-" + service.getString("code"), service.getJsonObject("name"), service));
    }
    model.put("main", grids.get(0));
    model.put("services", grids.subList(1, grids.size()));
    return templates.render("affluence", model);
  }

  private Map<String, Object> grid(String id, JsonObject name, JsonObject grid) {
    Map<String, Object> out = new HashMap<>();
    out.put("id", id);
    out.put("name", name.getMap());
    out.put("measured", grid.getValue("thresholds") != null);
    List<Map<String, Object>> days = new ArrayList<>();
    for (Object d : grid.getJsonArray("days")) {
      JsonObject day = (JsonObject) d;
      DayOfWeek weekday = DayOfWeek.of(day.getInteger("weekday"));
      List<Map<String, Object>> hours = new ArrayList<>();
      for (Object h : day.getJsonArray("hours")) {
        hours.add(cell((JsonObject) h));
      }
      days.add(Map.of("id", id + "-" + weekday.getValue(), "fr", capital(weekday, Locale.FRENCH),
          "en", capital(weekday, Locale.UK), "hours", hours));
    }
    out.put("days", days);
    return out;
  }

  private Map<String, Object> cell(JsonObject hour) {
    int h = hour.getInteger("hour");
    LocalTime start = max(LocalTime.of(h, 0), site.openingHours().opens());
    LocalTime end = h == 23 ? LocalTime.MAX : min(LocalTime.of(h + 1, 0), site.openingHours().closes());
    Map<String, Object> out = new HashMap<>();
    out.put("fr", french(start) + " – " + french(end));
    out.put("en", start + "–" + end);
    String level = hour.getString("level");
    Number average = hour.getNumber("average");
    out.put("level", level);
    for (AffluenceGrid.Level l : AffluenceGrid.Level.values()) {
      if (l.code.equals(level)) {
        out.put("levelFr", l.fr);
        out.put("levelEn", l.en);
      }
    }
    out.put("averageFr", average == null ? null : average.toString().replace('.', ','));
    out.put("averageEn", average == null ? null : average.toString());
    return out;
  }

  private static String french(LocalTime t) {
    return t.getMinute() == 0 ? t.getHour() + " h" : t.getHour() + " h " + "%02d".formatted(t.getMinute());
  }

  private static LocalTime max(LocalTime a, LocalTime b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalTime min(LocalTime a, LocalTime b) {
    return a.isBefore(b) ? a : b;
  }

  private static String capital(DayOfWeek day, Locale locale) {
    String name = day.getDisplayName(TextStyle.FULL, locale);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
