package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.signage.playlist.Notices;
import fr.prefecture.accueil.signage.playlist.PlaylistEntry;
import fr.prefecture.accueil.signage.playlist.ScreenPlanner;
import fr.prefecture.accueil.signage.view.AccessView;
import fr.prefecture.accueil.signage.view.AffluenceView;
import fr.prefecture.accueil.signage.view.AlertSeverity;
import fr.prefecture.accueil.signage.view.AlertView;
import fr.prefecture.accueil.signage.view.CallView;
import fr.prefecture.accueil.signage.view.CallsView;
import fr.prefecture.accueil.signage.view.CharterView;
import fr.prefecture.accueil.signage.view.Direction;
import fr.prefecture.accueil.signage.view.LanguageMode;
import fr.prefecture.accueil.signage.view.LayoutModel;
import fr.prefecture.accueil.signage.view.LiveWaiting;
import fr.prefecture.accueil.signage.view.NoticePriority;
import fr.prefecture.accueil.signage.view.NoticeView;
import fr.prefecture.accueil.signage.view.NoticesView;
import fr.prefecture.accueil.signage.view.Orientation;
import fr.prefecture.accueil.signage.view.Procedure;
import fr.prefecture.accueil.signage.view.Quarter;
import fr.prefecture.accueil.signage.view.QuarterlyDelay;
import fr.prefecture.accueil.signage.view.ScreenPage;
import fr.prefecture.accueil.signage.view.ScreenView;
import fr.prefecture.accueil.signage.view.ServiceStatus;
import fr.prefecture.accueil.signage.view.ServiceWayfinding;
import fr.prefecture.accueil.signage.view.Text;
import fr.prefecture.accueil.signage.view.TransparencyView;
import fr.prefecture.accueil.signage.view.WayfindingView;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds what each screen shows from the store and the site configuration: everything is read again for each
 * update (one {@link Snapshot} for all screens), so that any node renders the same page.
 */
record ScreenContent(Site site, SiteTime time, NoticeRepository notices, AlertRepository alerts,
    BoardRepository board, LatestCalls calls, WaitingTimes waiting, BusyHours busyHours) {
  static final int CALLS_SHOWN = 10;
  static final int CALLS_PER_SERVICE = 3;
  /** At most this many calls on the strip beside the slides (the page shows fewer when they do not fit). */
  static final int STRIP_SHOWN = 6;

  /** Everything the screens show at one instant. */
  record Snapshot(Instant now, List<Notice> notices, List<StoredAlert> alerts,
      List<BoardRepository.QuarterFigures> quarters,
      Map<String, BoardRepository.ServiceState> states, List<Call> calls, Map<String, Integer> waiting,
      Map<String, io.vertx.core.json.JsonArray> playlists, Map<String, String> languages, JsonObject affluence) {}

  Future<Snapshot> load() {
    Instant now = time.now();
    Future<List<Notice>> n = notices.current(now);
    Future<List<StoredAlert>> a = alerts.open();
    Future<List<BoardRepository.QuarterFigures>> q = board.quarters();
    Future<List<BoardRepository.ServiceState>> s = board.states();
    Future<List<Call>> c = calls.today(allServices(), 200);
    Future<Map<String, Integer>> w = waiting.today();
    Future<Map<String, io.vertx.core.json.JsonArray>> p = board.playlists();
    Future<Map<String, String>> l = board.languageModes();
    // The busy hours are a nice-to-have: a failed read shows the other layouts, never a broken screen.
    Future<JsonObject> b = busyHours.published().recover(e -> Future.succeededFuture(new JsonObject()));
    return Future.all(List.of(n, a, q, s, c, w, p, l, b)).map(all -> {
      Map<String, BoardRepository.ServiceState> states = new HashMap<>();
      s.result().forEach(st -> states.put(st.service(), st));
      return new Snapshot(now, n.result(), a.result(), q.result(), states, c.result(), w.result(), p.result(),
          l.result(), b.result());
    });
  }

  private Set<String> allServices() {
    return site.services().stream().map(Site.Service::code).collect(Collectors.toSet());
  }

  /** The services whose calls a screen shows: those whose visitors wait in its zone. */
  Set<String> callServices(Site.Screen screen) {
    return site.services().stream().filter(s -> s.waitingZone().equals(screen.zone()))
        .map(Site.Service::code).collect(Collectors.toSet());
  }

  ScreenView view(Site.Screen screen, Snapshot s) {
    String languages = s.languages().getOrDefault(screen.id(), screen.languages());
    return new ScreenView(screen.id(), screen.name().fr(), screen.zone(), Orientation.fromCode(screen.orientation()),
        LanguageMode.fromCode(languages), screen.chime());
  }

  ScreenPage page(Site.Screen screen, Snapshot s) {
    return page(screen, s, null);
  }

  /** The screen's page; with {@code onlyLayout}, that layout alone in place of the playlist. */
  ScreenPage page(Site.Screen screen, Snapshot s, String onlyLayout) {
    List<LayoutModel> models = List.of(calls(screen, s, CALLS_SHOWN), wayfinding(screen, s), notices(screen, s),
        CharterView.standard(), transparency(s), access(), affluence(s));
    List<PlaylistEntry> playlist = onlyLayout != null ? List.of(new PlaylistEntry(onlyLayout, 10))
        : playlist(screen, s).stream().map(p -> new PlaylistEntry(p.layout(), p.seconds())).toList();
    List<AlertView> open = s.alerts().stream().map(ScreenContent::alertView).flatMap(Optional::stream).toList();
    ScreenPage page = ScreenPlanner.plan(view(screen, s), playlist, models, open,
        java.time.Clock.fixed(s.now(), time.zone()));
    return callServices(screen).isEmpty() ? page : page.withStrip(calls(screen, s, STRIP_SHOWN));
  }

  /** The playlist a manager set for this screen while the site runs, else the configured one. */
  static List<Site.PlaylistItem> playlist(Site.Screen screen, Snapshot s) {
    io.vertx.core.json.JsonArray changed = s.playlists().get(screen.id());
    if (changed == null) {
      return screen.playlist();
    }
    List<Site.PlaylistItem> items = new ArrayList<>();
    for (Object o : changed) {
      JsonObject item = (JsonObject) o;
      items.add(new Site.PlaylistItem(item.getString("layout"), item.getInteger("seconds")));
    }
    return items;
  }

  /** A call as a screen shows it: a ticket and its counter, or, for a transfer, the ticket and where it goes. */
  CallView callView(Call call, boolean newest) {
    Optional<Site.Service> service = site.service(call.service());
    Text transfer = null;
    if (call.transferTo() != null) {
      JsonObject t = call.transferTo();
      JsonObject name = t.getValue("name") instanceof JsonObject o ? o : new JsonObject();
      transfer = text(name.getString("fr"), name.getString("en"));
      if (transfer == null) {
        String code = String.valueOf(t.getValue("service"));
        transfer = new Text(code, code);
      }
    }
    Text counter = call.counter() == null ? null
        : new Text("Guichet " + call.counter(), "Counter " + call.counter());
    return new CallView(call.ticket(), counter, service.map(sv -> text(sv.name())).orElse(null), call.at(), newest,
        transfer);
  }

  private static String join(String a, String b) {
    if (a == null || a.isBlank()) {
      return b == null || b.isBlank() ? null : b;
    }
    return b == null || b.isBlank() ? a : a + ", " + b;
  }

  private CallsView calls(Site.Screen screen, Snapshot s, int limit) {
    Set<String> services = callServices(screen);
    List<Call> shown = s.calls().stream().filter(c -> services.contains(c.service())).limit(limit).toList();
    List<CallView> views = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      views.add(callView(shown.get(i), i == 0));
    }
    return new CallsView(views);
  }

  private WayfindingView wayfinding(Site.Screen screen, Snapshot s) {
    List<ServiceWayfinding> services = new ArrayList<>();
    for (Site.Service service : site.services()) {
      String direction = screen.directions().get(service.code());
      if (direction == null) {
        continue;
      }
      BoardRepository.ServiceState state = s.states().get(service.code());
      ServiceStatus status = state == null ? ServiceStatus.OPEN : ServiceStatus.fromCode(state.status());
      Text movedTo = state == null || (state.movedToFr() == null && state.movedToEn() == null) ? null
          : new Text(state.movedToFr(), state.movedToEn());
      List<Call> latest = s.calls().stream().filter(c -> c.service().equals(service.code()))
          .limit(CALLS_PER_SERVICE).toList();
      List<CallView> latestViews = new ArrayList<>();
      for (int i = 0; i < latest.size(); i++) {
        latestViews.add(callView(latest.get(i), i == 0));
      }
      Optional<Site.Place> place = status == ServiceStatus.MOVED && state.movedToPlace() != null
          ? site.place(state.movedToPlace()) : Optional.empty();
      if (place.isPresent()) {
        // moved: the new place's building and floor, its name once ("Désormais : ..."), this screen's way to it
        Site.Place p = place.get();
        String way = screen.placeDirections().getOrDefault(p.id(), direction);
        services.add(new ServiceWayfinding(service.code(), text(service.name()), buildingName(p.building()),
            p.floor(), null, Direction.fromCode(way), status, latestViews, text(p.name())));
        continue;
      }
      services.add(new ServiceWayfinding(service.code(), text(service.name()),
          buildingName(service.location().building()), service.location().floor(), text(service.location().room()),
          Direction.fromCode(direction), status, latestViews, movedTo));
    }
    return new WayfindingView(services);
  }

  private Text buildingName(String building) {
    return site.building(building).map(b -> text(b.name())).orElse(null);
  }

  private NoticesView notices(Site.Screen screen, Snapshot s) {
    List<NoticeView> views = s.notices().stream()
        .map(n -> new NoticeView(String.valueOf(n.id()), new Text(n.fr(), n.en()),
            n.from(), n.to(), n.zones(), NoticePriority.fromCode(n.priority())))
        .toList();
    return new NoticesView(Notices.visible(views, screen.zone(), java.time.Clock.fixed(s.now(), time.zone())));
  }

  private TransparencyView transparency(Snapshot s) {
    Quarter quarter = null;
    List<QuarterlyDelay> delays = new ArrayList<>();
    if (!s.quarters().isEmpty()) {
      BoardRepository.QuarterFigures latest = s.quarters().get(0);
      quarter = new Quarter(latest.year(), latest.quarter());
      for (Procedure p : Procedure.values()) {
        Double days = latest.delays().get(p.code());
        if (days != null) {
          delays.add(new QuarterlyDelay(p, days));
        }
      }
    }
    List<LiveWaiting> live = site.services().stream()
        .map(sv -> new LiveWaiting(sv.code(), text(sv.name()), s.waiting().get(sv.code()))).toList();
    return new TransparencyView(quarter, delays, live);
  }

  /** The site's grid by band: weekdays as rows, the bands' levels as cells. */
  static AffluenceView affluence(Snapshot s) {
    io.vertx.core.json.JsonArray days = s.affluence().getJsonArray("days");
    if (days == null || days.isEmpty()) {
      return AffluenceView.none();
    }
    List<String> bands = new ArrayList<>();
    List<AffluenceView.Day> rows = new ArrayList<>();
    for (Object d : days) {
      JsonObject day = (JsonObject) d;
      java.time.DayOfWeek weekday = java.time.DayOfWeek.of(day.getInteger("weekday"));
      List<AffluenceView.Level> levels = new ArrayList<>();
      bands.clear();
      for (Object b : day.getJsonArray("bands")) {
        bands.add(((JsonObject) b).getString("band"));
        levels.add(AffluenceView.Level.fromCode(((JsonObject) b).getString("level")));
      }
      rows.add(new AffluenceView.Day(String.valueOf(weekday.getValue()),
          new Text(dayName(weekday, java.util.Locale.FRENCH), dayName(weekday, java.util.Locale.UK)), levels));
    }
    return new AffluenceView(bands, rows);
  }

  private static String dayName(java.time.DayOfWeek day, java.util.Locale locale) {
    String name = day.getDisplayName(java.time.format.TextStyle.FULL, locale);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private AccessView access() {
    int early = (int) site.services().stream().findFirst().map(Site.Service::admission).orElse(Site.Admission.DEFAULT)
        .early().toMinutes();
    Text pan = site.services().stream().filter(sv -> sv.pan().isPresent()).findFirst()
        .map(sv -> new Text(join(sv.location().room().fr(), site.building(sv.location().building())
            .map(b -> b.name().fr()).orElse(null)),
            join(sv.location().room().en(),
                site.building(sv.location().building()).map(b -> b.name().en()).orElse(null))))
        .orElse(null);
    return AccessView.standard(early, pan);
  }

  static Optional<AlertView> alertView(StoredAlert a) {
    if (a.messageFr() == null && a.messageEn() == null) {
      return Optional.empty();
    }
    AlertSeverity severity;
    try {
      severity = AlertSeverity.fromCode(a.severity());
    } catch (IllegalArgumentException e) {
      severity = AlertSeverity.UNKNOWN;
    }
    return Optional.of(new AlertView(String.valueOf(a.id()), text(a.headlineFr(), a.headlineEn()),
        new Text(a.messageFr(), a.messageEn()), text(a.instructionFr(), a.instructionEn()), severity, a.raisedAt(),
        a.expires(), a.zones()));
  }

  private static Text text(Site.Text t) {
    return t == null ? null : text(t.fr(), t.en());
  }

  private static Text text(String fr, String en) {
    boolean none = (fr == null || fr.isBlank()) && (en == null || en.isBlank());
    return none ? null : new Text(fr, en);
  }
}
