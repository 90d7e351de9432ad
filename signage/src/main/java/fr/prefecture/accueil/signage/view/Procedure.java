package fr.prefecture.accueil.signage.view;

/** The procedures whose average processing time the prefecture publishes each quarter. */
public enum Procedure {
  CNI_PASSEPORT,
  IMMATRICULATION,
  PERMIS;

  public String code() {
    return Codes.code(this);
  }

  public Text label() {
    return Texts.get("procedure." + code());
  }

  /** Parses {@code cni-passeport}, {@code immatriculation} or {@code permis}. */
  public static Procedure fromCode(String code) {
    return Codes.parse(Procedure.class, code);
  }
}
