package fr.prefecture.accueil.kiosk.convocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of what a gate reads: random text, random Base45, mutations of real codes and of
 * manual codes. Nothing throws, nothing malformed verifies, and a mutated code never verifies as
 * another convocation.
 */
class CodeFuzzTest {
  private static final String BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
  private static final Instant START = Instant.parse("2026-03-30T07:00:00Z");

  @TempDir
  Path dir;

  @Test
  void random_and_mutated_codes_never_throw_and_never_verify_as_another_convocation() {
    Random random = new Random(20261129L);
    ConvocationCodec codec = new ConvocationCodec(
        KeyRing.openOrCreate(dir.resolve("keys"), Clock.fixed(START, ZoneOffset.UTC)));
    Convocation real = new Convocation(4242, ConvocationKind.APPOINTMENT, "titres", START, null);
    String code = codec.issue(real).code();
    for (int i = 0; i < 20_000; i++) {
      String input = switch (i % 4) {
        case 0 -> randomText(random, random.nextInt(300));
        case 1 -> randomBase45(random, random.nextInt(200));
        case 2 -> mutate(code, random);
        default -> code.substring(0, random.nextInt(code.length())) + randomBase45(random, random.nextInt(10));
      };
      VerifiedCode verified = codec.verify(input);
      if (verified.isValid()) {
        assertThat(verified.convocation()).as(input).contains(real);
      }
    }
    assertThat(codec.verify(code).convocation()).contains(real);
  }

  @Test
  void codes_beginning_with_a_space_still_verify_once_something_trimmed_them() {
    // The first Base45 character comes from the version byte and the key id's first byte: for
    // about one key in forty, every code it signs begins with a space.
    KeyRing ring = KeyRing.openOrCreate(dir.resolve("keys"), Clock.fixed(START, ZoneOffset.UTC));
    ConvocationCodec codec = new ConvocationCodec(ring);
    Convocation convocation = new Convocation(77, ConvocationKind.APPOINTMENT, "titres", START, null);
    for (int i = 0; i < 2_000 && codec.issue(convocation).code().charAt(0) != ' '; i++) {
      ring.rotate();
    }
    String code = codec.issue(convocation).code();
    assertThat(code).startsWith(" ");
    assertThat(codec.verify(code).convocation()).contains(convocation);
    assertThat(codec.verify(code.strip()).convocation()).contains(convocation);
    assertThat(codec.verify(code.strip().toLowerCase() + "\r\n").convocation()).contains(convocation);
    assertThat(codec.verify("X" + code.strip()).isValid()).isFalse();
  }

  @Test
  void random_manual_codes_never_throw_and_a_single_typo_is_never_taken_for_another_code() {
    Random random = new Random(7L);
    byte[] signature = new byte[64];
    for (int i = 0; i < 5_000; i++) {
      random.nextBytes(signature);
      String manual = ManualCode.of(signature);
      assertThat(ManualCode.normalize(manual)).contains(manual);
      String typo = mutateOnce(manual, random);
      Optional<String> normalized = ManualCode.normalize(typo);
      if (normalized.isPresent()) {
        // Only changes that the normalisation itself undoes (case, dashes, spaces, O/0, I/L/1) may pass.
        assertThat(normalized.get()).as(typo).isEqualTo(manual);
      }
      ManualCode.normalize(randomText(random, random.nextInt(40)));
      ManualCode.looksLikeManualCode(randomText(random, random.nextInt(40)));
    }
  }

  private static String randomText(Random random, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append((char) (random.nextInt(8) == 0 ? random.nextInt(0xFFFF) : 32 + random.nextInt(95)));
    }
    return out.toString();
  }

  private static String randomBase45(Random random, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(BASE45.charAt(random.nextInt(BASE45.length())));
    }
    return out.toString();
  }

  /** One typing error: a character replaced, or two neighbours swapped (what a check character must catch). */
  private static String mutateOnce(String text, Random random) {
    StringBuilder out = new StringBuilder(text);
    int at = random.nextInt(out.length() - 1);
    if (random.nextBoolean()) {
      out.setCharAt(at, BASE45.charAt(random.nextInt(BASE45.length())));
    } else {
      char c = out.charAt(at);
      out.setCharAt(at, out.charAt(at + 1));
      out.setCharAt(at + 1, c);
    }
    return out.toString();
  }

  /** One to three single-character edits: substitution, deletion, insertion or adjacent swap. */
  private static String mutate(String text, Random random) {
    StringBuilder out = new StringBuilder(text);
    for (int edits = 1 + random.nextInt(3); edits > 0 && out.length() > 1; edits--) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(4)) {
        case 0 -> out.setCharAt(at, BASE45.charAt(random.nextInt(BASE45.length())));
        case 1 -> out.deleteCharAt(at);
        case 2 -> out.insert(at, BASE45.charAt(random.nextInt(BASE45.length())));
        default -> {
          if (at + 1 < out.length()) {
            char c = out.charAt(at);
            out.setCharAt(at, out.charAt(at + 1));
            out.setCharAt(at + 1, c);
          }
        }
      }
    }
    return out.toString();
  }
}
