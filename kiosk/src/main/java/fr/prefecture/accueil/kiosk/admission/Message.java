package fr.prefecture.accueil.kiosk.admission;

import java.util.Objects;

/** A gate message in French (for the guard and most visitors) and English. */
public record Message(String fr, String en) {

  public Message {
    Objects.requireNonNull(fr, "fr");
    Objects.requireNonNull(en, "en");
  }
}
