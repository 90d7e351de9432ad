package fr.prefecture.accueil.kiosk.qr;

import fr.prefecture.accueil.kiosk.convocation.KeyRing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** A key ring with a fixed test key, so that generated convocation codes, hence test images, are reproducible. */
final class FixedKeyRing {

  private FixedKeyRing() {}

  static KeyRing open(Path dir) throws IOException {
    byte[] seed = sha256("accueil kiosk test key".getBytes(StandardCharsets.UTF_8));
    byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(seed, 0, publicKey, 0);
    String id = HexFormat.of().formatHex(sha256(publicKey), 0, 2);
    Files.createDirectories(dir);
    Files.write(dir.resolve(id + ".key"), seed);
    Files.writeString(dir.resolve("ring.properties"), String.join("\n",
        "active=" + id,
        "keys=" + id,
        id + ".public=" + Base64.getEncoder().encodeToString(publicKey),
        id + ".created=2026-01-01T00\\:00\\:00Z", ""));
    return KeyRing.openOrCreate(dir, Clock.systemUTC());
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
