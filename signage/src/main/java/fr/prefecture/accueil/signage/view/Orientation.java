package fr.prefecture.accueil.signage.view;

/** How the screen is mounted. */
public enum Orientation {
    LANDSCAPE, PORTRAIT;

    public String code() {
        return Codes.code(this);
    }

    /** Parses {@code landscape} or {@code portrait}. */
    public static Orientation fromCode(String code) {
        return Codes.parse(Orientation.class, code);
    }
}
