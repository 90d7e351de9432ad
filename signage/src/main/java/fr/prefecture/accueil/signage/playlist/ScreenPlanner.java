package fr.prefecture.accueil.signage.playlist;

import fr.prefecture.accueil.signage.view.AlertView;
import fr.prefecture.accueil.signage.view.LayoutModel;
import fr.prefecture.accueil.signage.view.ScreenPage;
import fr.prefecture.accueil.signage.view.ScreenView;
import fr.prefecture.accueil.signage.view.Slide;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds what a screen shows now from its playlist, the layout models and the alerts. Pages whose layout has no
 * model or an empty one are skipped; each kept page lasts at least its configured seconds and its reading time
 * ({@link ReadingTime}). An active alert for the screen's zone ({@link Alerts}) overrides the slides, which stay
 * underneath so the rotation resumes when the alert ends.
 */
public final class ScreenPlanner {

  private ScreenPlanner() {}

  /**
   * @param models one model per layout (by {@link LayoutModel#layoutName()}); notices already filtered with
   *               {@link Notices#visible}
   * @param alerts the alerts not yet ended, in any zone
   */
  public static ScreenPage plan(ScreenView screen, List<PlaylistEntry> playlist, List<? extends LayoutModel> models,
      List<AlertView> alerts, Clock clock) {
    AlertView alert = Alerts.active(alerts, screen.zone(), clock).orElse(null);
    return new ScreenPage(screen, slides(screen, playlist, models), alert);
  }

  /** The slides alone: the playlist with empty layouts skipped and durations made long enough to read. */
  public static List<Slide> slides(ScreenView screen, List<PlaylistEntry> playlist,
      List<? extends LayoutModel> models) {
    Map<String, LayoutModel> byName = new LinkedHashMap<>();
    models.forEach(m -> byName.put(m.layoutName(), m));
    List<Slide> slides = new ArrayList<>();
    for (PlaylistEntry entry : playlist) {
      LayoutModel model = byName.get(entry.layout());
      if (model == null || model.isEmpty()) {
        continue;
      }
      ReadingTime.Timing t = ReadingTime.timing(model.readingText(), screen.languageMode(), entry.seconds());
      slides.add(new Slide(entry.layout(), t.seconds(), t.frenchSeconds(), model));
    }
    return slides;
  }
}
