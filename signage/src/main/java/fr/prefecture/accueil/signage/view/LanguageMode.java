package fr.prefecture.accueil.signage.view;

/** How a screen shows its two languages: both at once in two columns, or French then English. */
public enum LanguageMode {
    SIDE_BY_SIDE, ALTERNATE;

    public String code() {
        return Codes.code(this);
    }

    /** Parses {@code side-by-side} or {@code alternate}. */
    public static LanguageMode fromCode(String code) {
        return Codes.parse(LanguageMode.class, code);
    }
}
