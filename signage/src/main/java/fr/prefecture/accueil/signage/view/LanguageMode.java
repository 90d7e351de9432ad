package fr.prefecture.accueil.signage.view;

import java.util.List;

/** How a screen shows its two languages: both at once in two columns, or French then English. */
public enum LanguageMode {
  SIDE_BY_SIDE,
  ALTERNATE;

  /** Both languages side by side unless a screen says otherwise. */
  public static final LanguageMode DEFAULT = SIDE_BY_SIDE;

  public String code() {
    return Codes.code(this);
  }

  /** Parses {@code side-by-side} or {@code alternate}. */
  public static LanguageMode fromCode(String code) {
    return Codes.parse(LanguageMode.class, code);
  }

  /** Every code, in declaration order. */
  public static List<String> codes() {
    return Codes.codes(LanguageMode.class);
  }
}
