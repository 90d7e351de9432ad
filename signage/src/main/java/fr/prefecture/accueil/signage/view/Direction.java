package fr.prefecture.accueil.signage.view;

/** Where to go from the screen that shows it: a glyph for the eye, words in both languages for the meaning. */
public enum Direction {
  LEFT("←", "À gauche", "To your left"),
  RIGHT("→", "À droite", "To your right"),
  AHEAD("↑", "Tout droit", "Straight ahead"),
  UP("⇡", "À l'étage supérieur", "Upstairs"),
  DOWN("⇣", "À l'étage inférieur", "Downstairs"),
  BEHIND("↓", "Derrière vous", "Behind you"),
  HERE("●", "Ici", "Here");

  private final String glyph;
  private final Text words;

  Direction(String glyph, String fr, String en) {
    this.glyph = glyph;
    this.words = new Text(fr, en);
  }

  public String glyph() {
    return glyph;
  }

  public Text words() {
    return words;
  }

  public String code() {
    return Codes.code(this);
  }

  /** Parses {@code left, right, ahead, up, down, behind, here}. */
  public static Direction fromCode(String code) {
    return Codes.parse(Direction.class, code);
  }
}
