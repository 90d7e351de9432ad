package fr.prefecture.accueil.signage.view;

import java.util.List;
import java.util.Objects;

/**
 * Everything a screen shows at one moment: its slides in order, the calls strip beside them ({@code strip}: the
 * current calls of the services waiting in the screen's zone; null for a screen of a zone where nobody waits) and,
 * if any, the alert that overrides them all.
 */
public record ScreenPage(ScreenView screen, List<Slide> slides, AlertView alert, CallsView strip) {

  public ScreenPage {
    Objects.requireNonNull(screen, "screen");
    slides = List.copyOf(slides);
  }

  /** Without a calls strip. */
  public ScreenPage(ScreenView screen, List<Slide> slides, AlertView alert) {
    this(screen, slides, alert, null);
  }

  /** The same page with this calls strip. */
  public ScreenPage withStrip(CallsView calls) {
    return new ScreenPage(screen, slides, alert, calls);
  }

  /** The same page without its alert. */
  public ScreenPage withoutAlert() {
    return new ScreenPage(screen, slides, null, strip);
  }
}
