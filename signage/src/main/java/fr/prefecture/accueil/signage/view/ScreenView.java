package fr.prefecture.accueil.signage.view;

import java.util.Objects;

/** One screen of the site: where it is and how it speaks; {@code chime} enables the call sound. */
public record ScreenView(String id, String name, String zone, Orientation orientation,
    LanguageMode languageMode, boolean chime) {

  public ScreenView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(orientation, "orientation");
    Objects.requireNonNull(languageMode, "languageMode");
    name = name == null ? id : name;
  }
}
