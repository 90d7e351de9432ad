package fr.prefecture.accueil.kiosk.convocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManualCodeTest {

  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  @Test
  void is_eight_crockford_characters_and_a_check_character() {
    String code = ManualCode.of(new byte[64]);

    assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]");
    assertThat(ManualCode.of(new byte[64])).isEqualTo(code);
    assertThat(ManualCode.normalize(code)).contains(code);
  }

  @Test
  void differs_between_signatures() {
    Random random = new Random(1);
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      byte[] signature = new byte[64];
      random.nextBytes(signature);
      codes.add(ManualCode.of(signature));
    }
    assertThat(codes).hasSize(10_000);
  }

  @Test
  void reads_what_a_guard_types_in_any_case_with_or_without_dashes() {
    String code = ManualCode.of(new byte[]{1, 2, 3});
    String bare = code.replace("-", "");

    assertThat(ManualCode.normalize(bare.toLowerCase())).contains(code);
    assertThat(ManualCode.normalize(" " + bare.substring(0, 3) + " " + bare.substring(3) + " ")).contains(code);
    assertThat(ManualCode.normalize(bare.replace('0', 'O').replace('1', 'l'))).contains(code);
  }

  @Test
  void reads_o_as_zero_and_i_or_l_as_one() {
    String withZeroAndOne = findCodeContaining('0', '1');

    assertThat(ManualCode.normalize(withZeroAndOne.replace('0', 'o').replace('1', 'I'))).contains(withZeroAndOne);
    assertThat(ManualCode.normalize(withZeroAndOne.replace('1', 'L'))).contains(withZeroAndOne);
  }

  @Test
  void refuses_a_wrong_length_or_a_foreign_character() {
    String code = ManualCode.of(new byte[]{9});

    assertThat(ManualCode.normalize(code.substring(0, code.length() - 1))).isEmpty();
    assertThat(ManualCode.normalize(code + "0")).isEmpty();
    assertThat(ManualCode.normalize(code.replace(code.charAt(0), 'U'))).isEmpty();
    assertThat(ManualCode.normalize("")).isEmpty();
    assertThat(ManualCode.normalize(null)).isEmpty();
    assertThat(ManualCode.normalize("K7M4*Q2XP*9")).isEmpty();
  }

  @Test
  void detects_every_substitution_and_adjacent_transposition_of_many_codes() {
    Random random = new Random(7);
    int checked = 0;
    for (int n = 0; n < 2_000; n++) {
      byte[] signature = new byte[64];
      random.nextBytes(signature);
      String bare = ManualCode.of(signature).replace("-", "");
      for (int i = 0; i < bare.length(); i++) {
        for (char c : ALPHABET.toCharArray()) {
          if (c != bare.charAt(i)) {
            String typo = bare.substring(0, i) + c + bare.substring(i + 1);
            assertThat(ManualCode.normalize(typo)).as(typo).isEmpty();
            checked++;
          }
        }
        if (i + 1 < bare.length() && bare.charAt(i) != bare.charAt(i + 1)) {
          String swapped = bare.substring(0, i) + bare.charAt(i + 1) + bare.charAt(i) + bare.substring(i + 2);
          assertThat(ManualCode.normalize(swapped)).as(swapped).isEmpty();
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(2_000 * 9 * 31);
  }

  @Test
  void tells_a_typed_manual_code_from_qr_text() {
    assertThat(ManualCode.looksLikeManualCode("k7m4 q2xp 9")).isTrue();
    assertThat(ManualCode.looksLikeManualCode("K7M4-Q2XP-8")).isTrue();
    assertThat(ManualCode.looksLikeManualCode("K7M4Q2XP9\r\n")).isTrue();
    assertThat(ManualCode.looksLikeManualCode("R70139%6CK81KWECEC93D4LE2A0S8AMH9TY6PJ3L8F5VBXJH")).isFalse();
    assertThat(ManualCode.looksLikeManualCode("ABCDEFGHJKMNPQRSTVWXYZ")).isFalse();
    assertThat(ManualCode.looksLikeManualCode(" - ")).isFalse();
    assertThat(ManualCode.looksLikeManualCode(null)).isFalse();
  }

  private static String findCodeContaining(char a, char b) {
    for (int i = 0;; i++) {
      String code = ManualCode.of(new byte[]{(byte) i, (byte) (i >> 8)});
      if (code.indexOf(a) >= 0 && code.indexOf(b) >= 0) {
        return code;
      }
    }
  }
}
