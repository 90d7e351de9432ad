package fr.prefecture.accueil.kiosk.convocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvocationCodecTest {

  private static final Instant START = Instant.parse("2026-05-12T08:30:00Z");
  private static final Convocation APPOINTMENT = new Convocation(12345, ConvocationKind.APPOINTMENT, "etrangers", START,
      "JD");

  @TempDir
  Path dir;
  private ConvocationCodec codec;

  @BeforeEach
  void openRing() {
    codec = new ConvocationCodec(KeyRing.openOrCreate(dir.resolve("keys"), Clock.fixed(START, ZoneOffset.UTC)));
  }

  @Test
  void round_trips_an_appointment_with_initials() {
    IssuedConvocation issued = codec.issue(APPOINTMENT);

    VerifiedCode verified = codec.verify(issued.code());

    assertThat(verified.isValid()).isTrue();
    assertThat(verified.convocation()).contains(APPOINTMENT);
    assertThat(((VerifiedCode.Valid) verified).keyId()).matches("[0-9a-f]{4}");
  }

  @Test
  void round_trips_an_invitation_without_service_nor_initials() {
    Convocation invitation = new Convocation(7, ConvocationKind.INVITATION, "", START, null);

    assertThat(codec.verify(codec.issue(invitation).code()).convocation()).contains(invitation);
  }

  @Test
  void round_trips_extreme_ids_and_dates() {
    for (long id : new long[]{0, 127, 128, 16383, 16384, Long.MAX_VALUE}) {
      Convocation c = new Convocation(id, ConvocationKind.APPOINTMENT, "pan-emeraude",
          Instant.ofEpochSecond(Convocation.MAX_EPOCH_MINUTE * 60), "ABC");
      assertThat(codec.verify(codec.issue(c).code()).convocation()).contains(c);
    }
    Convocation epoch = new Convocation(1, ConvocationKind.INVITATION, "x", Instant.EPOCH, "Z");
    assertThat(codec.verify(codec.issue(epoch).code()).convocation()).contains(epoch);
  }

  @Test
  void writes_only_qr_alphanumeric_characters_in_about_130_characters() {
    String code = codec.issue(APPOINTMENT).code();

    assertThat(code).matches("[0-9A-Z $%*+\\-./:]+").hasSize(129);
    assertThat(code).doesNotEndWith(" ");
  }

  @Test
  void accepts_lowercase_and_a_trailing_line_end_from_a_handheld_scanner() {
    String code = codec.issue(APPOINTMENT).code();

    assertThat(codec.verify(code.toLowerCase() + "\r\n").convocation()).contains(APPOINTMENT);
    assertThat(codec.verify(code + "   \n").convocation()).contains(APPOINTMENT);
  }

  @Test
  void matches_the_test_vector_of_the_format_document() throws IOException {
    byte[] seed = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    SigningKey unnamed = SigningKey.fromSeed("", seed);
    SigningKey key = SigningKey.fromSeed(KeyRing.idOf(unnamed.publicKey()), seed);

    IssuedConvocation issued = ConvocationCodec.issue(APPOINTMENT, key);

    String document = Files.readString(Path.of("CONVOCATION-FORMAT.md"));
    assertThat(key.id()).isEqualTo("5647");
    assertThat(document)
        .contains("key id `5647`")
        .contains("public key `" + HexFormat.of().formatHex(key.publicKey()) + "`")
        .contains("payload (hex) `" + HexFormat.of().formatHex(ConvocationCodec.payload(APPOINTMENT, "5647")) + "`")
        .contains("code `" + issued.code() + "`")
        .contains("manual code `" + issued.manualCode() + "`");
  }

  @Test
  void rejects_every_single_character_change_of_a_code() {
    String code = codec.issue(APPOINTMENT).code();
    int changes = 0;
    for (int i = 0; i < code.length(); i++) {
      for (char replacement : Base45.ALPHABET.toCharArray()) {
        if (replacement == code.charAt(i)) {
          continue;
        }
        String altered = code.substring(0, i) + replacement + code.substring(i + 1);
        VerifiedCode verified = codec.verify(altered);
        assertThat(verified.isValid()).as("%s at %d", replacement, i).isFalse();
        // Characters 1 to 5 carry the key id: an altered id names a key this ring never had.
        Set<CodeFailure> expected = i <= 5
            ? Set.of(CodeFailure.MALFORMED, CodeFailure.INVALID_SIGNATURE, CodeFailure.UNKNOWN_KEY)
            : Set.of(CodeFailure.MALFORMED, CodeFailure.INVALID_SIGNATURE);
        assertThat(verified.failure()).get().isIn(expected);
        changes++;
      }
    }
    assertThat(changes).isEqualTo(code.length() * 44);
  }

  @Test
  void rejects_every_truncation_and_extension_of_a_code() {
    String code = codec.issue(APPOINTMENT).code();
    for (int length = 0; length < code.length(); length++) {
      assertThat(codec.verify(code.substring(0, length)).failure())
          .get().isIn(CodeFailure.MALFORMED, CodeFailure.INVALID_SIGNATURE);
    }
    assertThat(codec.verify(code + "00").isValid()).isFalse();
    assertThat(codec.verify(code + "000").isValid()).isFalse();
    assertThat(codec.verify("000" + code).isValid()).isFalse();
  }

  @Test
  void calls_garbage_malformed() {
    for (String garbage : new String[]{null, "", "   ", "\r\n", "hello world", "K7M4-Q2XP-9",
        "https://example.org/convocation/12", "\u00e9t\u00e9", "\u0000\u0000\u0000", "::::::"}) {
      assertThat(codec.verify(garbage).failure()).as(garbage).contains(CodeFailure.MALFORMED);
    }
  }

  @Test
  void never_throws_nor_accepts_random_input() {
    Random random = new Random(42);
    for (int n = 0; n < 20_000; n++) {
      byte[] bytes = new byte[random.nextInt(120)];
      random.nextBytes(bytes);
      if (random.nextBoolean() && bytes.length > 0) {
        bytes[0] = ConvocationCodec.VERSION;
      }
      assertThat(codec.verify(Base45.encode(bytes)).isValid()).isFalse();
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(200); i > 0; i--) {
        text.append((char) random.nextInt(0x3000));
      }
      assertThat(codec.verify(text.toString()).isValid()).isFalse();
    }
  }

  @Test
  void refuses_a_huge_text_without_decoding_it() {
    String huge = "0".repeat(10_000_000);

    assertThat(codec.verify(huge).failure()).contains(CodeFailure.MALFORMED);
    assertThat(codec.verify("00".repeat(ConvocationCodec.MAX_TEXT_LENGTH)).failure()).contains(CodeFailure.MALFORMED);
  }

  @Test
  void refuses_a_signature_taken_from_another_convocation() {
    String one = codec.issue(APPOINTMENT).code();
    String other = codec.issue(new Convocation(12346, ConvocationKind.APPOINTMENT, "etrangers", START, "JD")).code();
    // Same layout and length: the first 22 bytes (33 characters) are the payload, the rest the signature.
    String spliced = other.substring(0, 33) + one.substring(33);

    assertThat(codec.verify(spliced).failure()).contains(CodeFailure.INVALID_SIGNATURE);
  }

  @Test
  void refuses_a_code_from_another_site_as_unknown_key(@TempDir Path otherDir) {
    ConvocationCodec otherSite = new ConvocationCodec(KeyRing.openOrCreate(otherDir, Clock.systemUTC()));
    String foreign = otherSite.issue(APPOINTMENT).code();

    assertThat(codec.verify(foreign).failure()).get().isIn(CodeFailure.UNKNOWN_KEY, CodeFailure.INVALID_SIGNATURE);
  }

  @Test
  void validates_what_it_is_asked_to_sign() {
    assertThatThrownBy(() -> new Convocation(-1, ConvocationKind.APPOINTMENT, "etrangers", START, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Convocation(1, ConvocationKind.APPOINTMENT, "Étrangers", START, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Convocation(1, ConvocationKind.APPOINTMENT, "etrangers", START.plusSeconds(1), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Convocation(1, ConvocationKind.APPOINTMENT, "etrangers", START, "ABCD"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Convocation(1, ConvocationKind.APPOINTMENT, "etrangers", START, " jd ").initials()).isEqualTo("JD");
    assertThat(new Convocation(1, ConvocationKind.APPOINTMENT, "etrangers", START, "").initials()).isNull();
  }

  @Test
  void derives_initials_without_accents() {
    assertThat(Convocation.initialsOf("Élodie Martin-Dupont")).isEqualTo("EMD");
    assertThat(Convocation.initialsOf("Ñuño")).isEqualTo("N");
    assertThat(Convocation.initialsOf("  ")).isNull();
    assertThat(Convocation.initialsOf("李小龍")).isNull();
  }
}
