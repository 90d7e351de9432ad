package fr.prefecture.accueil.screen;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.signage.speech.CallWords;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Spoken calls: the text given to espeak-ng, and the WAV it gives back, in French and in English. */
@ExtendWith(VertxExtension.class)
class SpeechTest {
  @TempDir
  Path dir;

  @BeforeEach
  void engine() {
    boolean present = Speech.probe(Speech.ENGINE);
    if (!present && "1".equals(System.getenv("ACCUEIL_REQUIRE_SPEECH"))) {
      throw new IllegalStateException("espeak-ng is required (apt-get install espeak-ng)");
    }
    Assumptions.assumeTrue(present, "espeak-ng is not installed: speech test skipped");
  }

  @Test
  void a_call_is_spoken_in_both_languages_from_the_expected_text_as_a_wav_of_a_few_seconds(Vertx vertx) {
    Speech speech = Speech.create(vertx).await();
    assertThat(speech.available()).isTrue();
    var words = CallWords.of("T003", "T1");
    assertThat(speech.command("fr", Path.of("x.wav"), words.fr()))
        .containsSubsequence("-v", "fr", "-s", "130", "-w", "x.wav", "--", "Ticket T 3, guichet 1.");
    assertThat(speech.command("en", Path.of("x.wav"), words.en())).endsWith("--", "Ticket T 3, counter 1.");
    for (String[] voice : List.of(new String[]{"fr", words.fr()}, new String[]{"en", words.en()})) {
      Buffer wav = speech.wav(voice[0], voice[1]).await();
      double seconds = wavSeconds(wav.getBytes());
      assertThat(seconds).as(voice[0]).isBetween(1.2, 5.0);
      assertThat(speech.wav(voice[0], voice[1]).await().getBytes()).as("cached").isEqualTo(wav.getBytes());
    }
  }

  @Test
  void a_screen_gets_the_spoken_call_as_audio_and_bad_input_is_a_400(Vertx vertx) {
    try (TestServer server = TestServer.startWithOpenScreens(vertx, dir, Instant.parse("2026-03-30T08:00:00Z"))) {
      HttpResponse<Buffer> fr = server.client.get("/screens/hall-a-appels/speech?lang=fr&ticket=T003&counter=T1")
          .send().await();
      assertThat(fr.statusCode()).isEqualTo(200);
      assertThat(fr.getHeader("Content-Type")).isEqualTo("audio/wav");
      assertThat(wavSeconds(fr.body().getBytes())).isBetween(1.2, 5.0);
      assertThat(server.client.get("/screens/hall-a-appels/speech?lang=de&ticket=T003&counter=T1").send().await()
          .statusCode()).isEqualTo(400);
      assertThat(server.client.get("/screens/hall-a-appels/speech?lang=fr&ticket=--version&counter=T1").send()
          .await().statusCode()).isEqualTo(400);
      assertThat(server.get("manager", "/api/screens").bodyAsJsonArray().getJsonObject(1).getBoolean("speech"))
          .isTrue();
    }
  }

  /** Checks a RIFF/WAVE PCM header and gives the duration of its data chunk. */
  static double wavSeconds(byte[] wav) {
    ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(new String(wav, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
    int byteRate = 0;
    int at = 12;
    while (at + 8 <= wav.length) {
      String id = new String(wav, at, 4, StandardCharsets.US_ASCII);
      int size = b.getInt(at + 4);
      if (id.equals("fmt ")) {
        assertThat(b.getShort(at + 8)).as("PCM").isEqualTo((short) 1);
        assertThat(b.getInt(at + 12)).as("sample rate").isGreaterThanOrEqualTo(16000);
        byteRate = b.getInt(at + 16);
      } else if (id.equals("data")) {
        assertThat(byteRate).as("fmt before data").isPositive();
        // espeak-ng writing to a file fills the sizes in; a streamed WAV would say 0x7fffffff
        int data = Math.min(size, wav.length - at - 8);
        return (double) data / byteRate;
      }
      at += 8 + size + (size & 1);
    }
    throw new AssertionError("no data chunk");
  }
}
