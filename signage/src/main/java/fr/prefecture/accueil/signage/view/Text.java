package fr.prefecture.accueil.signage.view;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A visitor-facing text in French and English; one of the two may be absent (null), never both. */
public record Text(String fr, String en) {

  public Text {
    fr = blankToNull(fr);
    en = blankToNull(en);
    if (fr == null && en == null) {
      throw new IllegalArgumentException("a text needs French or English");
    }
  }

  public static Text of(String fr, String en) {
    return new Text(fr, en);
  }

  /** The text in one language, or null when that language is absent. */
  public String in(Language language) {
    return language == Language.FR ? fr : en;
  }

  /** Number of words a reader has to read in that language. */
  public int words(Language language) {
    return countWords(in(language));
  }

  /** Joins texts language by language (a space between parts), skipping nulls; null when nothing is left. */
  public static Text join(List<Text> parts) {
    String fr = joinIn(parts, Language.FR);
    String en = joinIn(parts, Language.EN);
    return fr.isEmpty() && en.isEmpty() ? null : new Text(fr, en);
  }

  static int countWords(String s) {
    if (s == null) {
      return 0;
    }
    return (int) Arrays.stream(s.trim().split("\\s+"))
        .filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit))
        .count();
  }

  private static String joinIn(List<Text> parts, Language language) {
    return parts.stream()
        .filter(Objects::nonNull)
        .map(t -> t.in(language))
        .filter(Objects::nonNull)
        .collect(Collectors.joining(" "));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
