package fr.prefecture.accueil.kiosk.convocation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs convocations into QR text and checks scanned text; the byte layout is in
 * {@code kiosk/CONVOCATION-FORMAT.md}.
 *
 * <p>Thread-safe. {@link #verify} never throws: anything that is not a genuine code comes back as an
 * {@link VerifiedCode.Invalid} with its reason.
 */
public final class ConvocationCodec {

  static final int VERSION = 1;
  /** Longest text accepted before any work is done: a real code is about 130 characters. */
  static final int MAX_TEXT_LENGTH = 512;
  private static final int MIN_PAYLOAD = 1 + 2 + 1 + 1 + 1 + 4;

  private final KeyRing keys;

  public ConvocationCodec(KeyRing keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /** Signs {@code convocation} with the ring's active key. */
  public IssuedConvocation issue(Convocation convocation) {
    return issue(convocation, keys.activeKey());
  }

  static IssuedConvocation issue(Convocation convocation, SigningKey key) {
    Objects.requireNonNull(convocation, "convocation");
    byte[] payload = payload(convocation, key.id());
    byte[] signature = key.sign(payload, payload.length);
    byte[] signed = Arrays.copyOf(payload, payload.length + signature.length);
    System.arraycopy(signature, 0, signed, payload.length, signature.length);
    return new IssuedConvocation(Base45.encode(signed), ManualCode.of(signature), key.id());
  }

  /**
   * Checks scanned or pasted text. Trailing spaces and line ends are ignored and lowercase letters are
   * accepted, because handheld scanners append a line end and some change case.
   */
  public VerifiedCode verify(String text) {
    try {
      VerifiedCode verified = check(text);
      // A code may begin with a space (Base45 digit 36), which forms, JSON readers and copy-paste
      // trim: put it back once. The signature keeps this from ever accepting another text.
      if (!verified.isValid() && verified.failure().orElse(null) == CodeFailure.MALFORMED
          && text != null && !text.isEmpty() && text.charAt(0) != ' ') {
        VerifiedCode withSpace = check(" " + text);
        if (withSpace.isValid()) {
          return withSpace;
        }
      }
      return verified;
    } catch (RuntimeException unexpected) {
      // The parser is bounds-checked; this only guards the gate against a bug turning into a 500.
      return new VerifiedCode.Invalid(CodeFailure.MALFORMED);
    }
  }

  private VerifiedCode check(String text) {
    if (text == null) {
      return invalid(CodeFailure.MALFORMED);
    }
    int end = text.length();
    while (end > 0 && isTrailingBlank(text.charAt(end - 1))) {
      end--;
    }
    // A valid Base45 text never ends with a space (the last character encodes at most 32), so
    // stripping trailing spaces cannot damage a genuine code.
    if (end == 0 || end > MAX_TEXT_LENGTH) {
      return invalid(CodeFailure.MALFORMED);
    }
    StringBuilder upper = new StringBuilder(end);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      upper.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
    }
    Optional<byte[]> decoded = Base45.decode(upper);
    if (decoded.isEmpty()) {
      return invalid(CodeFailure.MALFORMED);
    }
    byte[] bytes = decoded.get();
    int payloadLength = bytes.length - SigningKey.SIGNATURE_SIZE;
    if (payloadLength < MIN_PAYLOAD) {
      return invalid(CodeFailure.MALFORMED);
    }
    Parsed parsed = parse(bytes, payloadLength);
    if (parsed == null) {
      return invalid(CodeFailure.MALFORMED);
    }
    SigningKey key = keys.verifyingKey(parsed.keyId());
    if (key == null) {
      return invalid(CodeFailure.UNKNOWN_KEY);
    }
    if (!key.verify(bytes, payloadLength, bytes, payloadLength)) {
      return invalid(CodeFailure.INVALID_SIGNATURE);
    }
    return new VerifiedCode.Valid(parsed.convocation(), parsed.keyId());
  }

  private static boolean isTrailingBlank(char c) {
    return c == ' ' || c == '\r' || c == '\n' || c == '\t';
  }

  private static VerifiedCode invalid(CodeFailure failure) {
    return new VerifiedCode.Invalid(failure);
  }

  private record Parsed(String keyId, Convocation convocation) {}

  static byte[] payload(Convocation c, String keyId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(48);
    out.write(VERSION);
    byte[] id = HexFormat.of().parseHex(keyId);
    out.write(id, 0, id.length);
    long value = c.id();
    // Unsigned LEB128: 7 bits a byte, low bits first, high bit set on every byte but the last.
    while ((value & ~0x7FL) != 0) {
      out.write((int) (value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
    int initials = c.initials() == null ? 0 : c.initials().length();
    out.write(kindCode(c.kind()) | initials << 4);
    byte[] service = c.service().getBytes(StandardCharsets.US_ASCII);
    out.write(service.length);
    out.write(service, 0, service.length);
    long minute = c.startEpochMinute();
    out.write((int) (minute >>> 24));
    out.write((int) (minute >>> 16));
    out.write((int) (minute >>> 8));
    out.write((int) minute);
    if (initials > 0) {
      out.write(c.initials().getBytes(StandardCharsets.US_ASCII), 0, initials);
    }
    return out.toByteArray();
  }

  /** Reads the signed part; null on any deviation from the canonical layout. */
  private static Parsed parse(byte[] b, int length) {
    int p = 0;
    if (b[p++] != VERSION) {
      return null;
    }
    String keyId = HexFormat.of().formatHex(b, p, p + 2);
    p += 2;
    long id = 0;
    int shift = 0;
    while (true) {
      if (p >= length || shift > 56) {
        return null;
      }
      int octet = b[p++] & 0xFF;
      id |= (long) (octet & 0x7F) << shift;
      if ((octet & 0x80) == 0) {
        // Shortest form only (no trailing zero group), so that each convocation has one encoding.
        if (octet == 0 && shift > 0) {
          return null;
        }
        break;
      }
      shift += 7;
    }
    if (id < 0 || p + 2 > length) {
      return null;
    }
    int kindAndInitials = b[p++] & 0xFF;
    ConvocationKind kind = kindOf(kindAndInitials & 0x0F);
    int initialsLength = kindAndInitials >>> 4;
    int serviceLength = b[p++] & 0xFF;
    if (kind == null || initialsLength > Convocation.MAX_INITIALS
        || serviceLength > Convocation.MAX_SERVICE_LENGTH
        || p + serviceLength + 4 + initialsLength != length) {
      return null;
    }
    String service = ascii(b, p, serviceLength);
    p += serviceLength;
    long minute = (b[p] & 0xFFL) << 24 | (b[p + 1] & 0xFFL) << 16 | (b[p + 2] & 0xFFL) << 8 | (b[p + 3] & 0xFFL);
    p += 4;
    String initials = initialsLength == 0 ? null : ascii(b, p, initialsLength);
    Convocation convocation;
    try {
      convocation = new Convocation(id, kind, service, Instant.ofEpochSecond(minute * 60), initials);
    } catch (IllegalArgumentException outOfRange) {
      return null;
    }
    // Re-encoding must give the same bytes (e.g. initials in upper case): one convocation, one encoding.
    if (!Arrays.equals(payload(convocation, keyId), Arrays.copyOf(b, length))) {
      return null;
    }
    return new Parsed(keyId, convocation);
  }

  private static String ascii(byte[] b, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (b[i] < 0x21 || b[i] > 0x7E) {
        return "\u0000";
      }
    }
    return new String(b, offset, length, StandardCharsets.US_ASCII);
  }

  private static int kindCode(ConvocationKind kind) {
    return kind == ConvocationKind.APPOINTMENT ? 0 : 1;
  }

  private static ConvocationKind kindOf(int code) {
    return switch (code) {
      case 0 -> ConvocationKind.APPOINTMENT;
      case 1 -> ConvocationKind.INVITATION;
      default -> null;
    };
  }
}
