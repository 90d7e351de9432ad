package fr.prefecture.accueil.kiosk.qr;

import com.google.zxing.LuminanceSource;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import fr.prefecture.accueil.kiosk.convocation.ConvocationCodec;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decode rates of ZXing alone, BoofCV alone and the shipped combination on the generated camera frames,
 * per scene, then the time the shipped decoder takes on one 1280×720 JPEG frame. Not a test; from the
 * repository root:
 * <pre>
 * mvn -q -o -pl kiosk test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp kiosk/target/test-classes:kiosk/target/classes:$(cat kiosk/target/test-classpath.txt) \
 *     fr.prefecture.accueil.kiosk.qr.QrDecodeBenchmark [images-per-scene, default 12] [dir to save the frames]
 * </pre>
 */
public final class QrDecodeBenchmark {

  static final long SEED = 20_260_512L;

  public static void main(String[] args) throws Exception {
    int perScene = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    Path keys = Files.createTempDirectory("qr-bench-keys");
    List<ConvocationImages.Sample> samples = new ConvocationImages(SEED, new ConvocationCodec(FixedKeyRing.open(keys)))
        .generate(perScene);
    if (args.length > 1) {
      Path out = Files.createDirectories(Path.of(args[1]));
      for (ConvocationImages.Sample sample : samples) {
        Files.write(out.resolve(sample.name() + ".jpg"), sample.jpeg());
      }
    }
    QrDecoder decoder = new QrDecoder();
    Map<String, Function<BufferedImage, Optional<String>>> decoders = Map.of(
        "ZXing", image -> QrDecoder.zxing(luminance(image)),
        "BoofCV", image -> QrDecoder.boofcv(luminance(image)),
        "shipped (ZXing, then BoofCV)", decoder::decode);
    for (String name : List.of("ZXing", "BoofCV", "shipped (ZXing, then BoofCV)")) {
      Map<ConvocationImages.Scene, Integer> read = new EnumMap<>(ConvocationImages.Scene.class);
      StringBuilder missed = new StringBuilder();
      int total = 0;
      long[] nanos = new long[samples.size()];
      for (int i = 0; i < samples.size(); i++) {
        ConvocationImages.Sample sample = samples.get(i);
        BufferedImage image = QrDecoder.read(sample.jpeg());
        long start = System.nanoTime();
        Optional<String> text = decoders.get(name).apply(image);
        nanos[i] = System.nanoTime() - start;
        if (text.filter(sample.text()::equals).isPresent()) {
          read.merge(sample.scene(), 1, Integer::sum);
          total++;
        } else {
          missed.append(' ').append(sample.name());
        }
      }
      Arrays.sort(nanos);
      System.out.printf(Locale.ROOT, "%-30s %d/%d = %.1f %%  (decode only, first pass: median %.1f ms, max %.1f ms)"
          + "%n  by scene %s%n  missed:%s%n", name, total, samples.size(), 100.0 * total / samples.size(),
          nanos[nanos.length / 2] / 1e6, nanos[nanos.length - 1] / 1e6, read, missed);
    }

    for (int i = 0; i < 3; i++) {
      for (ConvocationImages.Sample sample : samples) {
        decoder.decode(sample.jpeg());
      }
    }
    int rounds = 5;
    long[] nanos = new long[samples.size() * rounds];
    int n = 0;
    for (int round = 0; round < rounds; round++) {
      for (ConvocationImages.Sample sample : samples) {
        long start = System.nanoTime();
        decoder.decode(sample.jpeg());
        nanos[n++] = System.nanoTime() - start;
      }
    }
    report("shipped decoder, 1280x720 JPEG frame with a code (read + decode)", nanos);

    ConvocationImages empty = new ConvocationImages(SEED + 1, null);
    List<byte[]> blanks = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      blanks.add(empty.frameWithoutCode());
    }
    long[] blankNanos = new long[blanks.size() * rounds];
    n = 0;
    for (int round = 0; round < rounds; round++) {
      for (byte[] blank : blanks) {
        long start = System.nanoTime();
        if (decoder.decode(blank).isPresent()) {
          throw new IllegalStateException("found a code in a frame without one");
        }
        blankNanos[n++] = System.nanoTime() - start;
      }
    }
    report("shipped decoder, 1280x720 JPEG frame without a code", blankNanos);
  }

  private static void report(String what, long[] nanos) {
    Arrays.sort(nanos);
    int n = nanos.length;
    System.out.printf(Locale.ROOT, "%s: median %.1f ms, p99 %.1f ms, max %.1f ms over %d decodes%n",
        what, nanos[n / 2] / 1e6, nanos[n * 99 / 100] / 1e6, nanos[n - 1] / 1e6, n);
  }

  private static LuminanceSource luminance(BufferedImage image) {
    return new BufferedImageLuminanceSource(image);
  }
}
