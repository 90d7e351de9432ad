package fr.prefecture.accueil.kiosk.convocation;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Times one Ed25519 verification of a real convocation payload: the JDK provider against BouncyCastle's
 * low-level {@code Ed25519}, which the codec uses. Not a test; run it from the repository root with
 * <pre>
 * mvn -q -o -pl kiosk test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp kiosk/target/test-classes:kiosk/target/classes:$(cat kiosk/target/test-classpath.txt) \
 *     fr.prefecture.accueil.kiosk.convocation.VerifyBenchmark
 * </pre>
 */
public final class VerifyBenchmark {

  private static final int WARM_UP = 10_000;
  private static final int RUNS = 20_000;

  public static void main(String[] args) throws Exception {
    byte[] seed = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    SigningKey key = SigningKey.fromSeed("5647", seed);
    Convocation convocation = new Convocation(123_456, ConvocationKind.APPOINTMENT, "etrangers",
        Instant.parse("2026-05-12T08:30:00Z"), "JD");
    byte[] payload = ConvocationCodec.payload(convocation, key.id());
    byte[] signature = key.sign(payload, payload.length);

    byte[] x509 = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(key.publicKey()));
    PublicKey jdkKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    Signature jdk = Signature.getInstance("Ed25519");
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(key.publicKey(), 0);
    byte[] raw = key.publicKey();

    report("JDK Ed25519 (SunEC)", () -> {
      jdk.initVerify(jdkKey);
      jdk.update(payload);
      return jdk.verify(signature);
    });
    report("BouncyCastle Ed25519, raw public key",
        () -> Ed25519.verify(signature, 0, raw, 0, payload, 0, payload.length));
    report("BouncyCastle Ed25519, decoded point (shipped)",
        () -> Ed25519.verify(signature, 0, point, payload, 0, payload.length));
  }

  private static void report(String name, Callable<Boolean> verification) throws Exception {
    for (int i = 0; i < WARM_UP; i++) {
      check(verification.call());
    }
    long[] nanos = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      boolean ok = verification.call();
      nanos[i] = System.nanoTime() - start;
      check(ok);
    }
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "%-46s median %.3f ms  p99 %.3f ms  (%d verifications after %d warm-up)%n",
        name, nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6, RUNS, WARM_UP);
  }

  private static void check(boolean verified) {
    if (!verified) {
      throw new IllegalStateException("signature did not verify");
    }
  }
}
