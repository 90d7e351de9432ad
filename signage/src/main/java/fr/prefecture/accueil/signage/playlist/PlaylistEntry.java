package fr.prefecture.accueil.signage.playlist;

import fr.prefecture.accueil.signage.view.Layouts;

import java.util.Objects;

/** One configured page of a screen's playlist: a layout and the seconds the site wants it shown (a minimum). */
public record PlaylistEntry(String layout, int seconds) {

  public PlaylistEntry {
    Objects.requireNonNull(layout, "layout");
    if (!Layouts.NAMES.contains(layout)) {
      throw new IllegalArgumentException("unknown layout '" + layout + "', expected one of " + Layouts.NAMES);
    }
    if (seconds <= 0) {
      throw new IllegalArgumentException("seconds must be positive, was " + seconds);
    }
  }
}
