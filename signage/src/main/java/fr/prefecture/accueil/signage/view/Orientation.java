package fr.prefecture.accueil.signage.view;

import java.util.List;

/** How the screen is mounted. */
public enum Orientation {
  LANDSCAPE,
  PORTRAIT;

  /** Landscape unless a screen says otherwise. */
  public static final Orientation DEFAULT = LANDSCAPE;

  public String code() {
    return Codes.code(this);
  }

  /** Parses {@code landscape} or {@code portrait}. */
  public static Orientation fromCode(String code) {
    return Codes.parse(Orientation.class, code);
  }

  /** Every code, in declaration order. */
  public static List<String> codes() {
    return Codes.codes(Orientation.class);
  }
}
