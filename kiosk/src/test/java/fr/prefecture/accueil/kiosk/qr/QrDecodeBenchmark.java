package fr.prefecture.accueil.kiosk.qr;

import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import fr.prefecture.accueil.kiosk.convocation.ConvocationCodec;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Decode rates and times on the generated camera frames: the first 72 (six scenes, seed {@link #SEED}), the harder
 * set the second pass was chosen on (eight scenes with far and dim codes, seeds {@link #TUNING}) and a held-out seed
 * ({@link #HELD_OUT}) never looked at while choosing; for ZXing alone, BoofCV alone, the first pass
 * (ZXing without trying harder, then BoofCV: nearly the decoder shipped before issue 17) and the shipped decoder. Then the time the shipped decoder takes on one 1280×720 JPEG frame, with
 * and without a code. Not a test; from the repository root:
 * <pre>
 * mvn -q -o -pl kiosk test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp kiosk/target/test-classes:kiosk/target/classes:$(cat kiosk/target/test-classpath.txt) \
 *     fr.prefecture.accueil.kiosk.qr.QrDecodeBenchmark [images-per-scene, default 12] [dir to save the frames]
 * </pre>
 */
public final class QrDecodeBenchmark {

  static final long SEED = 20_260_512L;
  static final long[] TUNING = {1, 2, 3};
  static final long HELD_OUT = 4;

  public static void main(String[] args) throws Exception {
    int perScene = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    ConvocationCodec codec = new ConvocationCodec(FixedKeyRing.open(Files.createTempDirectory("qr-bench-keys")));
    List<ConvocationImages.Scene> all = List.of(ConvocationImages.Scene.values());
    Map<String, List<ConvocationImages.Sample>> sets = new LinkedHashMap<>();
    sets.put("first 72 frames (6 scenes)", new ConvocationImages(SEED, codec).generate(perScene));
    List<ConvocationImages.Sample> tuning = new ArrayList<>();
    for (long seed : TUNING) {
      tuning.addAll(new ConvocationImages(seed, codec).generate(perScene, all));
    }
    sets.put("tuning set (8 scenes, seeds 1-3)", tuning);
    sets.put("held-out seed 4 (8 scenes)", new ConvocationImages(HELD_OUT, codec).generate(perScene, all));
    if (args.length > 1) {
      Path out = Files.createDirectories(Path.of(args[1]));
      int set = 0;
      for (List<ConvocationImages.Sample> samples : sets.values()) {
        set++;
        for (ConvocationImages.Sample sample : samples) {
          Files.write(out.resolve(set + "-" + sample.name() + ".jpg"), sample.jpeg());
        }
      }
    }
    QrDecoder decoder = new QrDecoder();
    Map<String, Function<BufferedImage, Optional<String>>> decoders = new LinkedHashMap<>();
    decoders.put("ZXing", image -> QrDecoder.zxing(new BufferedImageLuminanceSource(image)));
    decoders.put("BoofCV", image -> QrDecoder.boofcv(new BufferedImageLuminanceSource(image)));
    decoders.put("first pass (ZXing, then BoofCV)", QrDecoder::firstPass);
    decoders.put("shipped (first, then second pass)", decoder::decode);
    for (Map.Entry<String, List<ConvocationImages.Sample>> set : sets.entrySet()) {
      System.out.printf("%n== %s: %d frames%n", set.getKey(), set.getValue().size());
      decoders.forEach((name, decode) -> rate(name, set.getValue(), decode));
    }

    List<ConvocationImages.Sample> frames = new ArrayList<>();
    sets.values().forEach(frames::addAll);
    ConvocationImages empty = new ConvocationImages(SEED + 1, null);
    List<byte[]> blanks = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      blanks.add(empty.frameWithoutCode());
    }
    System.out.println();
    for (String name : List.of("first pass (ZXing, then BoofCV)", "shipped (first, then second pass)")) {
      Function<BufferedImage, Optional<String>> decode = decoders.get(name);
      for (ConvocationImages.Sample sample : frames) {
        decode.apply(QrDecoder.read(sample.jpeg()));
      }
      long[] nanos = new long[frames.size() * 2];
      int n = 0;
      for (int round = 0; round < 2; round++) {
        for (ConvocationImages.Sample sample : frames) {
          long start = System.nanoTime();
          decode.apply(QrDecoder.read(sample.jpeg()));
          nanos[n++] = System.nanoTime() - start;
        }
      }
      report(name + ", 1280x720 JPEG frame with a code (read + decode)", nanos);
      long[] blankNanos = new long[blanks.size() * 3];
      n = 0;
      for (int round = 0; round < 3; round++) {
        for (byte[] blank : blanks) {
          long start = System.nanoTime();
          if (decode.apply(QrDecoder.read(blank)).isPresent()) {
            throw new IllegalStateException("found a code in a frame without one");
          }
          blankNanos[n++] = System.nanoTime() - start;
        }
      }
      report(name + ", 1280x720 JPEG frame without a code", blankNanos);
    }
  }

  private static void rate(String name, List<ConvocationImages.Sample> samples,
      Function<BufferedImage, Optional<String>> decode) {
    Map<ConvocationImages.Scene, int[]> byScene = new TreeMap<>();
    StringBuilder missed = new StringBuilder();
    int read = 0;
    long[] nanos = new long[samples.size()];
    for (int i = 0; i < samples.size(); i++) {
      ConvocationImages.Sample sample = samples.get(i);
      BufferedImage image = QrDecoder.read(sample.jpeg());
      long start = System.nanoTime();
      Optional<String> text = decode.apply(image);
      nanos[i] = System.nanoTime() - start;
      if (text.isPresent() && !text.get().equals(sample.text())) {
        throw new IllegalStateException(name + " read a wrong text in " + sample.name());
      }
      int[] counts = byScene.computeIfAbsent(sample.scene(), scene -> new int[2]);
      counts[1]++;
      if (text.isPresent()) {
        counts[0]++;
        read++;
      } else {
        missed.append(' ').append(sample.name());
      }
    }
    Arrays.sort(nanos);
    StringBuilder scenes = new StringBuilder();
    byScene.forEach((scene, c) -> scenes.append(' ').append(scene).append('=').append(c[0]).append('/').append(c[1]));
    System.out.printf(Locale.ROOT, "%-34s %d/%d = %.1f %%  (decode only: median %.1f ms, p99 %.1f ms)%n"
        + "  by scene%s%n  missed:%s%n", name, read, samples.size(), 100.0 * read / samples.size(),
        nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6, scenes, missed);
  }

  private static void report(String what, long[] nanos) {
    Arrays.sort(nanos);
    int n = nanos.length;
    System.out.printf(Locale.ROOT, "%s: median %.1f ms, p99 %.1f ms, max %.1f ms over %d decodes%n",
        what, nanos[n / 2] / 1e6, nanos[n * 99 / 100] / 1e6, nanos[n - 1] / 1e6, n);
  }
}
