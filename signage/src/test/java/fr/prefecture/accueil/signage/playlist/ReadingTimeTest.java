package fr.prefecture.accueil.signage.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.signage.view.LanguageMode;
import fr.prefecture.accueil.signage.view.Text;
import org.junit.jupiter.api.Test;

class ReadingTimeTest {

  private static Text words(int fr, int en) {
    return new Text("mot ".repeat(fr), "word ".repeat(en));
  }

  @Test
  void a_short_text_still_stays_eight_seconds() {
    assertThat(ReadingTime.seconds(0)).isEqualTo(8);
    assertThat(ReadingTime.seconds(10)).isEqualTo(8);
  }

  @Test
  void a_long_text_gets_three_seconds_plus_half_a_second_a_word() {
    assertThat(ReadingTime.seconds(40)).isEqualTo(23);
    assertThat(ReadingTime.seconds(41)).isEqualTo(24);
  }

  @Test
  void side_by_side_the_longer_language_sets_the_time() {
    ReadingTime.Timing t = ReadingTime.timing(words(60, 40), LanguageMode.SIDE_BY_SIDE, 10);

    assertThat(t.seconds()).isEqualTo(33);
    assertThat(t.frenchSeconds()).isEqualTo(33);
  }

  @Test
  void alternating_gives_each_language_its_own_reading_time() {
    ReadingTime.Timing t = ReadingTime.timing(words(60, 40), LanguageMode.ALTERNATE, 10);

    assertThat(t.frenchSeconds()).isEqualTo(33);
    assertThat(t.seconds()).isEqualTo(33 + 23);
  }

  @Test
  void configured_seconds_are_a_minimum() {
    assertThat(ReadingTime.timing(words(2, 2), LanguageMode.SIDE_BY_SIDE, 30).seconds()).isEqualTo(30);
    ReadingTime.Timing alternate = ReadingTime.timing(words(2, 2), LanguageMode.ALTERNATE, 30);
    assertThat(alternate.seconds()).isEqualTo(30);
    assertThat(alternate.frenchSeconds()).isEqualTo(15);
  }

  @Test
  void punctuation_alone_is_not_a_word() {
    assertThat(new Text("Bonjour — à tous !", null).words(fr.prefecture.accueil.signage.view.Language.FR)).isEqualTo(3);
  }
}
