package fr.prefecture.accueil.signage.playlist;

import fr.prefecture.accueil.signage.view.Language;
import fr.prefecture.accueil.signage.view.LanguageMode;
import fr.prefecture.accueil.signage.view.Text;

/**
 * How long a page must stay so that its text can be read from a waiting-room chair.
 *
 * <p>The rule, per language shown: {@code 3 s + words / 2 per second}, never under 8 s. Two words a second
 * (120 words a minute) is about half an adult's silent reading speed on paper: screen readers stand metres away,
 * often read in their second language, may have low vision or little schooling, and only start reading once they
 * notice the page has changed (the 3 s). In side-by-side mode a reader reads one column, so the longer language
 * sets the time. In alternate mode French is shown, then English, each for its own reading time. The configured
 * seconds are a minimum, never shortened.
 */
public final class ReadingTime {

  /** Shortest time any language phase stays on screen. */
  public static final int MIN_SECONDS = 8;
  /** Time to notice the change and find the start of the text. */
  public static final int NOTICE_SECONDS = 3;
  /** Reading rate assumed, in words per second. */
  public static final int WORDS_PER_SECOND = 2;

  private ReadingTime() {}

  /** Seconds needed to read {@code words} words. */
  public static int seconds(int words) {
    return Math.max(MIN_SECONDS, NOTICE_SECONDS + (words + WORDS_PER_SECOND - 1) / WORDS_PER_SECOND);
  }

  /** The time of a page: total seconds and, within them, the French phase (equal to the total side by side). */
  public static Timing timing(Text text, LanguageMode mode, int configuredSeconds) {
    int fr = seconds(text == null ? 0 : text.words(Language.FR));
    int en = seconds(text == null ? 0 : text.words(Language.EN));
    if (mode == LanguageMode.SIDE_BY_SIDE) {
      int total = Math.max(configuredSeconds, Math.max(fr, en));
      return new Timing(total, total);
    }
    int half = (configuredSeconds + 1) / 2;
    int frPhase = Math.max(half, fr);
    int enPhase = Math.max(half, en);
    return new Timing(frPhase + enPhase, frPhase);
  }

  /** A page's total seconds and the seconds of its French phase. */
  public record Timing(int seconds, int frenchSeconds) {}
}
