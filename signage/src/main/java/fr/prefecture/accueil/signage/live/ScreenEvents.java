package fr.prefecture.accueil.signage.live;

import fr.prefecture.accueil.signage.view.AlertView;
import fr.prefecture.accueil.signage.view.CallView;
import fr.prefecture.accueil.signage.view.ScreenPage;
import fr.prefecture.accueil.signage.view.ScreenRenderer;
import fr.prefecture.accueil.signage.view.Slide;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The server-sent events a screen page understands: their names and their JSON {@code data}, with the HTML
 * rendered by the same {@link ScreenRenderer} as the first page. The server adds the {@code id:} lines.
 */
public final class ScreenEvents {

  /**
   * The whole content: {@code {"html", "strip": null|"<html>", "playlist":[{"layout","seconds","frenchSeconds"}],
   * "alert": null|{"id","html"}}}.
   */
  public static final String STATE = "state";
  /** A ticket was just called: {@code {"ticket", "html"}}; the page shows a banner and may chime. */
  public static final String CALL = "call";
  /** An alert starts or changes: {@code {"id", "html"}}. */
  public static final String ALERT = "alert";
  /** An alert ended: {@code {"id"}}. */
  public static final String ALERT_ENDED = "alert-ended";
  /** Keeps the connection and the page's online mark alive: {@code {"at"}}. */
  public static final String HEARTBEAT = "heartbeat";

  private final ScreenRenderer renderer;

  public ScreenEvents(ScreenRenderer renderer) {
    this.renderer = Objects.requireNonNull(renderer, "renderer");
  }

  /**
   * Data of a {@code state} event; send one first on every new connection. It carries the language
   * mode too, which a manager may change while the screen runs.
   */
  public String state(ScreenPage page) {
    String playlist = page.slides().stream().map(ScreenEvents::slide).collect(Collectors.joining(",", "[", "]"));
    return "{\"html\":" + Json.string(renderer.content(page))
        + ",\"strip\":" + (page.strip() == null ? "null" : Json.string(renderer.strip(page.strip())))
        + ",\"languageMode\":" + Json.string(page.screen().languageMode().code())
        + ",\"playlist\":" + playlist
        + ",\"alert\":" + (page.alert() == null ? "null" : alertObject(page.alert())) + "}";
  }

  /** Data of a {@code call} event. */
  public String call(CallView call) {
    return "{\"ticket\":" + Json.string(call.ticket()) + ",\"html\":" + Json.string(renderer.call(call)) + "}";
  }

  /** Data of a {@code call} event with the counter's id, from which a screen asks for the spoken call. */
  public String call(CallView call, String counterId) {
    return "{\"ticket\":" + Json.string(call.ticket()) + ",\"counter\":" + Json.string(counterId) + ",\"html\":"
        + Json.string(renderer.call(call)) + "}";
  }

  /** Data of an {@code alert} event. */
  public String alert(AlertView alert) {
    return alertObject(alert);
  }

  /** Data of an {@code alert-ended} event. */
  public String alertEnded(String alertId) {
    return "{\"id\":" + Json.string(alertId) + "}";
  }

  /** Data of a {@code heartbeat} event. */
  public String heartbeat(Instant at) {
    return "{\"at\":" + Json.string(at.toString()) + "}";
  }

  private String alertObject(AlertView alert) {
    return "{\"id\":" + Json.string(alert.id()) + ",\"html\":" + Json.string(renderer.alert(alert)) + "}";
  }

  private static String slide(Slide s) {
    return "{\"layout\":" + Json.string(s.layout()) + ",\"seconds\":" + s.seconds()
        + ",\"frenchSeconds\":" + s.frenchSeconds() + "}";
  }
}
