package fr.prefecture.accueil.signage.view;

import java.util.Objects;

/**
 * One page of a screen's rotation: the layout, its model, how long it stays ({@code seconds}) and, in alternate
 * mode, how many of those seconds show French before switching to English ({@code frenchSeconds}).
 */
public record Slide(String layout, int seconds, int frenchSeconds, LayoutModel model) {

  public Slide {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(model, "model");
    if (seconds <= 0 || frenchSeconds < 0 || frenchSeconds > seconds) {
      throw new IllegalArgumentException("need 0 ≤ frenchSeconds ≤ seconds and seconds > 0");
    }
  }
}
