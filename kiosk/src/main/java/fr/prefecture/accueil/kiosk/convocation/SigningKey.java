package fr.prefecture.accueil.kiosk.convocation;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** An Ed25519 key of the ring: the public half always, the private seed only for the active key. */
record SigningKey(String id, byte[] publicKey, Ed25519.PublicPoint point, byte[] seed) {

  static final int PUBLIC_KEY_SIZE = Ed25519.PUBLIC_KEY_SIZE;
  static final int SEED_SIZE = Ed25519.SECRET_KEY_SIZE;
  static final int SIGNATURE_SIZE = Ed25519.SIGNATURE_SIZE;

  /** The key for a private seed; the public point is decoded once here rather than at each verification. */
  static SigningKey fromSeed(String id, byte[] seed) {
    byte[] publicKey = new byte[PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(seed, 0, publicKey, 0);
    return new SigningKey(id, publicKey, Ed25519.validatePublicKeyFullExport(publicKey, 0), seed.clone());
  }

  /** A verify-only key; null when the bytes are not a valid Ed25519 public key. */
  static SigningKey fromPublicKey(String id, byte[] publicKey) {
    if (publicKey.length != PUBLIC_KEY_SIZE) {
      return null;
    }
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(publicKey, 0);
    return point == null ? null : new SigningKey(id, publicKey.clone(), point, null);
  }

  byte[] sign(byte[] message, int length) {
    if (seed == null) {
      throw new IllegalStateException("key " + id + " has no private half");
    }
    byte[] signature = new byte[SIGNATURE_SIZE];
    Ed25519.sign(seed, 0, message, 0, length, signature, 0);
    return signature;
  }

  boolean verify(byte[] signature, int signatureOffset, byte[] message, int length) {
    return Ed25519.verify(signature, signatureOffset, point, message, 0, length);
  }

  SigningKey withoutSeed() {
    return new SigningKey(id, publicKey, point, null);
  }
}
