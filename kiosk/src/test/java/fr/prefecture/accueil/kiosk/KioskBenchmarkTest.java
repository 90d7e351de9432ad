package fr.prefecture.accueil.kiosk;

import static org.assertj.core.api.Assertions.assertThatCode;

import fr.prefecture.accueil.kiosk.convocation.VerifyBenchmark;
import fr.prefecture.accueil.kiosk.qr.QrDecodeBenchmark;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The kiosk's benchmarks, run only with {@code mvn -q -o -pl kiosk test -Pbenchmark}; they print their figures. */
@Tag("benchmark")
class KioskBenchmarkTest {

  @Test
  void ed25519_verification_jdk_against_bouncycastle() {
    assertThatCode(() -> VerifyBenchmark.main(new String[0])).doesNotThrowAnyException();
  }

  @Test
  void qr_decode_rates_and_time_per_frame() {
    assertThatCode(() -> QrDecodeBenchmark.main(new String[]{"12"})).doesNotThrowAnyException();
  }
}
