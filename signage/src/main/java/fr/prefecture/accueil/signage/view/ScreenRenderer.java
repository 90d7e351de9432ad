package fr.prefecture.accueil.signage.view;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.context.JavaBeanValueResolver;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.context.MethodValueResolver;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders screens to HTML with the Handlebars templates of {@code signage/templates}. The same fragments serve the
 * first page and every live update. Everything is HTML-escaped; only fragments this class rendered itself are
 * inserted as-is. Thread-safe once built.
 */
public final class ScreenRenderer {

  /**
   * Templates a caller may render with {@link #layout(String, Object)}: the playlist layouts plus {@code call},
   * {@code alert} and {@code strip}.
   */
  public static final Set<String> LAYOUTS = Set.copyOf(concat(Layouts.NAMES, List.of("call", "alert", "strip")));

  private static final String TEMPLATES = "/signage/templates";

  private final Map<String, Template> templates = new LinkedHashMap<>();
  private final Template content;
  private final Template screen;
  private final Duration heartbeat;
  private final ZoneId zone;

  /** Times shown in Europe/Paris; the page expects a heartbeat every 15 seconds. */
  public ScreenRenderer() {
    this(ZoneId.of("Europe/Paris"), Duration.ofSeconds(15));
  }

  /** {@code zone} for the times shown; {@code heartbeat} is how often the server sends {@code heartbeat} events. */
  public ScreenRenderer(ZoneId zone, Duration heartbeat) {
    this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
    this.zone = Objects.requireNonNull(zone, "zone");
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
    Handlebars handlebars = new Handlebars(new ClassPathTemplateLoader(TEMPLATES, ".hbs"))
        .registerHelper("time", (Helper<Instant>) (at, options) -> at == null ? "" : hhmm.format(at))
        .registerHelper("iso", (Helper<Instant>) (at, options) -> at == null ? "" : at.toString());
    try {
      for (String name : LAYOUTS) {
        templates.put(name, handlebars.compile(name));
      }
      content = handlebars.compile("content");
      screen = handlebars.compile("screen");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compile signage templates", e);
    }
  }

  /** The whole HTML page of a screen: shell, slides, and the alert layer (shown when the page has an alert). */
  public String page(ScreenPage page) {
    return page(page, false);
  }

  /** The page; a {@code preview} (shown framed in the admin pages) never chimes and is not counted as a screen. */
  public String page(ScreenPage page, boolean preview) {
    return page(page, preview, null, null);
  }

  /**
   * The page shown still on one of its pages ({@code fixedPage} from 0, in {@code fixedLanguage} in alternate mode):
   * no rotation and no live stream; null for the rotating screen.
   */
  public String page(ScreenPage page, boolean preview, Integer fixedPage, String fixedLanguage) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("preview", preview);
    model.put("fixedPage", fixedPage);
    model.put("fixedLanguage", fixedLanguage);
    model.put("screen", page.screen());
    model.put("heartbeatSeconds", heartbeat.toSeconds());
    model.put("timezone", zone.getId());
    model.put("content", new Handlebars.SafeString(content(page)));
    model.put("alert", page.alert());
    model.put("alertHtml", page.alert() == null ? null : new Handlebars.SafeString(alert(page.alert())));
    model.put("stripHtml", page.strip() == null ? null : new Handlebars.SafeString(strip(page.strip())));
    return apply(screen, model);
  }

  /** The slides of a page, the fragment that replaces the content of {@code <main id="content">} on updates. */
  public String content(ScreenPage page) {
    List<Map<String, Object>> slides = page.slides().stream().map(s -> Map.<String, Object>of(
        "layout", s.layout(),
        "seconds", s.seconds(),
        "frenchSeconds", s.frenchSeconds(),
        "html", new Handlebars.SafeString(layout(s.layout(), s.model())))).toList();
    return apply(content, Map.of("slides", slides, "screen", page.screen()));
  }

  /** One layout rendered with its model; {@code layoutName} is one of {@link #LAYOUTS}. */
  public String layout(String layoutName, Object model) {
    Template template = templates.get(layoutName);
    if (template == null) {
      throw new IllegalArgumentException("unknown layout '" + layoutName + "', expected one of " + LAYOUTS);
    }
    return apply(template, Objects.requireNonNull(model, "model"));
  }

  /** The full-screen alert fragment. */
  public String alert(AlertView alert) {
    return layout("alert", alert);
  }

  /** The calls strip: the current calls, newest first, beside the slides. */
  public String strip(CallsView calls) {
    return layout("strip", calls);
  }

  /** The banner shown for a few seconds when a ticket is called. */
  public String call(CallView call) {
    return layout("call", call);
  }

  private static String apply(Template template, Object model) {
    Context context = Context.newBuilder(model)
        .resolver(MapValueResolver.INSTANCE, MethodValueResolver.INSTANCE, JavaBeanValueResolver.INSTANCE)
        .build();
    try {
      return template.apply(context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      context.destroy();
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
