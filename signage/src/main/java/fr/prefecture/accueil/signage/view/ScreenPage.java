package fr.prefecture.accueil.signage.view;

import java.util.List;
import java.util.Objects;

/** Everything a screen shows at one moment: its slides in order and, if any, the alert that overrides them. */
public record ScreenPage(ScreenView screen, List<Slide> slides, AlertView alert) {

  public ScreenPage {
    Objects.requireNonNull(screen, "screen");
    slides = List.copyOf(slides);
  }
}
