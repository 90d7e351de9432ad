package fr.prefecture.accueil.signage.view;

/** The two languages every screen speaks. */
public enum Language {
  FR,
  EN;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
