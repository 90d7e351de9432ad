package fr.prefecture.accueil.signage.view;

/** Severity of an alert, the CAP 1.2 scale (most severe first). */
public enum AlertSeverity {
  EXTREME,
  SEVERE,
  MODERATE,
  MINOR,
  UNKNOWN;

  public String code() {
    return Codes.code(this);
  }

  /** Parses {@code extreme, severe, moderate, minor, unknown}. */
  public static AlertSeverity fromCode(String code) {
    return Codes.parse(AlertSeverity.class, code);
  }
}
