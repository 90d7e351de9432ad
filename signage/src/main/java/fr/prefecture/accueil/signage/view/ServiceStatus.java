package fr.prefecture.accueil.signage.view;

/** The state of a service as the screens announce it, with its label in both languages. */
public enum ServiceStatus {
  OPEN("Ouvert", "Open"),
  CLOSED("Fermé", "Closed"),
  MOVED("Déplacé", "Moved"),
  FULL("Complet", "Full");

  private final Text label;

  ServiceStatus(String fr, String en) {
    this.label = new Text(fr, en);
  }

  public Text label() {
    return label;
  }

  public String code() {
    return Codes.code(this);
  }

  /** Parses {@code open, closed, moved, full}. */
  public static ServiceStatus fromCode(String code) {
    return Codes.parse(ServiceStatus.class, code);
  }
}
