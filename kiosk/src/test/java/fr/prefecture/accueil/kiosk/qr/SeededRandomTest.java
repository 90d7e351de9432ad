package fr.prefecture.accueil.kiosk.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SeededRandomTest {

  @Test
  void draws_the_same_numbers_as_java_util_random_for_the_same_seed() {
    for (long seed : new long[]{0, 3, QrDecodeBenchmark.SEED, -1, Long.MAX_VALUE}) {
      Random expected = new Random(seed);
      Random actual = new SeededRandom(seed);
      for (int i = 0; i < 20_000; i++) {
        switch (i % 7) {
          case 0 -> assertThat(actual.nextInt(2_000_000)).isEqualTo(expected.nextInt(2_000_000));
          case 1 -> assertThat(actual.nextInt(256)).isEqualTo(expected.nextInt(256));
          case 2 -> assertThat(actual.nextBoolean()).isEqualTo(expected.nextBoolean());
          case 3 -> assertThat(actual.nextFloat()).isEqualTo(expected.nextFloat());
          case 4 -> assertThat(actual.nextDouble()).isEqualTo(expected.nextDouble());
          default -> assertThat(actual.nextGaussian()).isEqualTo(expected.nextGaussian());
        }
      }
      assertThat(actual.nextLong()).as("seed %d", seed).isEqualTo(expected.nextLong());
    }
  }
}
