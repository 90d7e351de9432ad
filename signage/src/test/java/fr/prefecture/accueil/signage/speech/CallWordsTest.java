package fr.prefecture.accueil.signage.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.prefecture.accueil.signage.view.Text;
import org.junit.jupiter.api.Test;

class CallWordsTest {
  @Test
  void a_call_is_said_in_french_then_english_with_letters_spelt_and_numbers_without_zeros() {
    Text words = CallWords.of("T003", "T1");
    assertThat(words.fr()).isEqualTo("Ticket T 3, guichet 1.");
    assertThat(words.en()).isEqualTo("Ticket T 3, counter 1.");
  }

  @Test
  void a_counter_of_another_service_keeps_its_letters_spelt() {
    assertThat(CallWords.of("PE012", "M1").fr()).isEqualTo("Ticket P E 12, guichet M 1.");
    assertThat(CallWords.of("E120", "accueil").en()).isEqualTo("Ticket E 120, counter a c c u e i l.");
  }

  @Test
  void refuses_what_is_not_a_ticket_or_a_counter() {
    assertThatThrownBy(() -> CallWords.of("T003; rm -rf", "T1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CallWords.of("T003", "--help me")).isInstanceOf(IllegalArgumentException.class);
  }
}
