package fr.prefecture.accueil.signage.view;

/** How prominent a notice is; {@code high} notices come first and stand out. */
public enum NoticePriority {
  HIGH,
  NORMAL;

  public String code() {
    return Codes.code(this);
  }

  /** Parses {@code normal} or {@code high}. */
  public static NoticePriority fromCode(String code) {
    return Codes.parse(NoticePriority.class, code);
  }
}
