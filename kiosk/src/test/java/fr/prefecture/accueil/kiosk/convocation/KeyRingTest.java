package fr.prefecture.accueil.kiosk.convocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final Convocation CONVOCATION = new Convocation(99, ConvocationKind.APPOINTMENT, "titres",
      Instant.parse("2026-03-02T10:00:00Z"), null);

  @TempDir
  Path data;

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void creates_a_first_key_readable_only_by_its_owner() throws Exception {
    Path dir = data.resolve("keys");

    KeyRing ring = KeyRing.openOrCreate(dir, clock);

    String id = ring.activeKeyId();
    assertThat(id).matches("[0-9a-f]{4}");
    assertThat(ring.keys()).containsExactly(new KeyInfo(id, NOW, true, false));
    assertThat(Files.readAllBytes(dir.resolve(id + ".key"))).hasSize(32);
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(id + ".key"))))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }
  }

  @Test
  void reopens_the_same_keys_after_a_restart() {
    KeyRing first = KeyRing.openOrCreate(data, clock);
    String code = new ConvocationCodec(first).issue(CONVOCATION).code();

    KeyRing reopened = KeyRing.openOrCreate(data, Clock.offset(clock, Duration.ofDays(1)));

    assertThat(reopened.activeKeyId()).isEqualTo(first.activeKeyId());
    assertThat(reopened.keys()).isEqualTo(first.keys());
    assertThat(new ConvocationCodec(reopened).verify(code).convocation()).contains(CONVOCATION);
    assertThat(new ConvocationCodec(reopened).issue(CONVOCATION).code()).isEqualTo(code);
  }

  @Test
  void keeps_verifying_old_codes_after_a_rotation() {
    KeyRing ring = KeyRing.openOrCreate(data, clock);
    ConvocationCodec codec = new ConvocationCodec(ring);
    String first = ring.activeKeyId();
    String oldCode = codec.issue(CONVOCATION).code();

    String second = ring.rotate();
    String newCode = codec.issue(CONVOCATION).code();

    assertThat(second).isNotEqualTo(first).isEqualTo(ring.activeKeyId());
    assertThat(newCode).isNotEqualTo(oldCode);
    assertThat(((VerifiedCode.Valid) codec.verify(oldCode)).keyId()).isEqualTo(first);
    assertThat(((VerifiedCode.Valid) codec.verify(newCode)).keyId()).isEqualTo(second);
    assertThat(ring.keys()).extracting(KeyInfo::id, KeyInfo::active).containsExactly(
        org.assertj.core.groups.Tuple.tuple(first, false), org.assertj.core.groups.Tuple.tuple(second, true));
  }

  @Test
  void refuses_codes_of_a_retired_key_as_unknown_key_even_after_a_restart() {
    KeyRing ring = KeyRing.openOrCreate(data, clock);
    String old = ring.activeKeyId();
    String oldCode = new ConvocationCodec(ring).issue(CONVOCATION).code();
    String current = ring.rotate();
    String newCode = new ConvocationCodec(ring).issue(CONVOCATION).code();

    ring.retire(old);

    assertThat(new ConvocationCodec(ring).verify(oldCode).failure()).contains(CodeFailure.UNKNOWN_KEY);
    assertThat(Files.exists(data.resolve(old + ".key"))).isFalse();
    assertThat(ring.publicKeys()).containsOnlyKeys(current);
    KeyRing reopened = KeyRing.openOrCreate(data, clock);
    ConvocationCodec codec = new ConvocationCodec(reopened);
    assertThat(codec.verify(oldCode).failure()).contains(CodeFailure.UNKNOWN_KEY);
    assertThat(codec.verify(newCode).isValid()).isTrue();
    assertThat(reopened.keys()).extracting(KeyInfo::id, KeyInfo::retired).containsExactly(
        org.assertj.core.groups.Tuple.tuple(old, true), org.assertj.core.groups.Tuple.tuple(current, false));
  }

  @Test
  void cannot_retire_the_active_key_nor_an_unknown_one() {
    KeyRing ring = KeyRing.openOrCreate(data, clock);

    assertThatThrownBy(() -> ring.retire(ring.activeKeyId())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ring.retire("zzzz")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void publishes_raw_public_keys_that_the_jdk_verifies_with() throws Exception {
    KeyRing ring = KeyRing.openOrCreate(data, clock);
    String code = new ConvocationCodec(ring).issue(CONVOCATION).code();
    byte[] signed = Base45.decode(code).orElseThrow();
    byte[] payload = Arrays.copyOf(signed, signed.length - 64);
    byte[] signature = Arrays.copyOfRange(signed, signed.length - 64, signed.length);

    byte[] raw = ring.publicKeys().get(ring.activeKeyId());

    assertThat(raw).hasSize(32);
    assertThat(KeyRing.idOf(raw)).isEqualTo(ring.activeKeyId());
    // X.509 SubjectPublicKeyInfo for Ed25519 is a fixed 12-byte prefix followed by the raw key.
    byte[] x509 = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(raw));
    PublicKey jdkKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initVerify(jdkKey);
    jdk.update(payload);
    assertThat(jdk.verify(signature)).isTrue();
  }

  @Test
  void refuses_to_open_a_ring_whose_private_key_was_damaged() throws Exception {
    KeyRing ring = KeyRing.openOrCreate(data, clock);
    Files.write(data.resolve(ring.activeKeyId() + ".key"), new byte[32]);

    assertThatThrownBy(() -> KeyRing.openOrCreate(data, clock)).isInstanceOf(java.io.UncheckedIOException.class);
  }
}
