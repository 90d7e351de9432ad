package fr.prefecture.accueil.kiosk.convocation;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The site's Ed25519 convocation keys, kept in a directory: one active key signs, older keys keep
 * verifying until retired.
 *
 * <p>Layout of the directory: {@code ring.properties} (ids, creation and retirement instants, public
 * keys, which one is active) and one {@code <id>.key} file per usable key holding its 32-byte private
 * seed, readable by the owner only. Files are replaced atomically and flushed to disk, because losing a
 * key would invalidate every convocation already printed with it.
 *
 * <p>Thread-safe: reads see an immutable snapshot; changes are serialised.
 */
public final class KeyRing {

  private static final String RING_FILE = "ring.properties";
  private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{4}");
  private static final FileAttribute<?> OWNER_ONLY_FILE = PosixFilePermissions
      .asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  private static final FileAttribute<?> OWNER_ONLY_DIR = PosixFilePermissions
      .asFileAttribute(PosixFilePermissions.fromString("rwx------"));

  private final Path dir;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final boolean posix;
  private volatile State state;

  private record Entry(SigningKey key, Instant created, Instant retired) {}

  private record State(Map<String, Entry> entries, String activeId) {
    SigningKey active() {
      return entries.get(activeId).key();
    }
  }

  private KeyRing(Path dir, Clock clock, State state) {
    this.dir = dir;
    this.clock = clock;
    this.posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    this.state = state;
  }

  /**
   * Opens the ring in {@code dir}, creating the directory and the first key on first start. Blocking I/O.
   *
   * @throws UncheckedIOException when the directory cannot be read or written, or its content is damaged
   */
  public static KeyRing openOrCreate(Path dir, Clock clock) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(clock, "clock");
    KeyRing ring = new KeyRing(dir, clock, null);
    try {
      ring.createDirectory();
      if (Files.exists(dir.resolve(RING_FILE))) {
        ring.state = ring.load();
      } else {
        ring.state = new State(Map.of(), null);
        ring.rotate();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open key ring in " + dir, e);
    }
    return ring;
  }

  /** The id of the key that signs new convocations (4 lowercase hex digits). */
  public String activeKeyId() {
    return state.activeId();
  }

  /** Creates a new key and makes it the active one; earlier keys keep verifying. Returns the new id. */
  public synchronized String rotate() {
    State current = state;
    byte[] seed = new byte[SigningKey.SEED_SIZE];
    SigningKey key;
    do {
      random.nextBytes(seed);
      SigningKey unnamed = SigningKey.fromSeed("", seed);
      key = new SigningKey(idOf(unnamed.publicKey()), unnamed.publicKey(), unnamed.point(), unnamed.seed());
    } while (current.entries().containsKey(key.id()));
    Map<String, Entry> entries = new LinkedHashMap<>();
    current.entries().forEach(
        (id, entry) -> entries.put(id, new Entry(entry.key().withoutSeed(), entry.created(), entry.retired())));
    entries.put(key.id(), new Entry(key, clock.instant(), null));
    State next = new State(Collections.unmodifiableMap(entries), key.id());
    try {
      // The seed is on disk before the ring names it, so a crash in between leaves at worst an unused file.
      writeAtomically(dir.resolve(key.id() + ".key"), seed);
      save(next);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write key " + key.id() + " in " + dir, e);
    }
    state = next;
    return key.id();
  }

  /**
   * Retires a key: convocations signed with it then fail with {@link CodeFailure#UNKNOWN_KEY}, and its
   * private seed is deleted, since a key is usually retired because it may have leaked.
   *
   * @throws IllegalArgumentException for an unknown id
   * @throws IllegalStateException    for the active key (rotate first)
   */
  public synchronized void retire(String keyId) {
    State current = state;
    Entry entry = current.entries().get(keyId);
    if (entry == null) {
      throw new IllegalArgumentException("unknown key: " + keyId);
    }
    if (keyId.equals(current.activeId())) {
      throw new IllegalStateException("cannot retire the active key " + keyId + "; rotate first");
    }
    if (entry.retired() != null) {
      return;
    }
    Map<String, Entry> entries = new LinkedHashMap<>(current.entries());
    entries.put(keyId, new Entry(entry.key().withoutSeed(), entry.created(), clock.instant()));
    State next = new State(Collections.unmodifiableMap(entries), current.activeId());
    try {
      save(next);
      Files.deleteIfExists(dir.resolve(keyId + ".key"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot retire key " + keyId + " in " + dir, e);
    }
    state = next;
  }

  /** Raw 32-byte Ed25519 public keys of the keys that still verify, by key id (for offline kiosks). */
  public Map<String, byte[]> publicKeys() {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    state.entries().forEach((id, entry) -> {
      if (entry.retired() == null) {
        keys.put(id, entry.key().publicKey().clone());
      }
    });
    return Collections.unmodifiableMap(keys);
  }

  /** Every key ever created here, oldest first. */
  public List<KeyInfo> keys() {
    State current = state;
    List<KeyInfo> infos = new ArrayList<>();
    current.entries().forEach((id, entry) -> infos.add(
        new KeyInfo(id, entry.created(), id.equals(current.activeId()), entry.retired() != null)));
    return List.copyOf(infos);
  }

  SigningKey activeKey() {
    return state.active();
  }

  /** The key that may verify codes carrying this id, or null when unknown or retired. */
  SigningKey verifyingKey(String keyId) {
    Entry entry = state.entries().get(keyId);
    return entry == null || entry.retired() != null ? null : entry.key();
  }

  static String idOf(byte[] publicKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey);
      return HexFormat.of().formatHex(digest, 0, 2);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private State load() throws IOException {
    Properties ring = new Properties();
    ring.load(new StringReader(Files.readString(dir.resolve(RING_FILE), StandardCharsets.UTF_8)));
    String activeId = ring.getProperty("active");
    String ids = ring.getProperty("keys", "");
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (String id : ids.split(",")) {
      if (id.isBlank()) {
        continue;
      }
      if (!KEY_ID.matcher(id).matches()) {
        throw new IOException("bad key id in " + RING_FILE + ": " + id);
      }
      byte[] publicKey = Base64.getDecoder().decode(required(ring, id + ".public"));
      Instant created = Instant.parse(required(ring, id + ".created"));
      String retired = ring.getProperty(id + ".retired");
      SigningKey key;
      if (id.equals(activeId)) {
        byte[] seed = Files.readAllBytes(dir.resolve(id + ".key"));
        if (seed.length != SigningKey.SEED_SIZE) {
          throw new IOException("damaged private key file " + id + ".key");
        }
        key = SigningKey.fromSeed(id, seed);
        if (!MessageDigest.isEqual(key.publicKey(), publicKey)) {
          throw new IOException("private key " + id + ".key does not match its public key");
        }
      } else {
        key = SigningKey.fromPublicKey(id, publicKey);
        if (key == null) {
          throw new IOException("bad public key for " + id + " in " + RING_FILE);
        }
      }
      entries.put(id, new Entry(key, created, retired == null ? null : Instant.parse(retired)));
    }
    if (activeId == null || !entries.containsKey(activeId)) {
      throw new IOException(RING_FILE + " names no usable active key");
    }
    return new State(Collections.unmodifiableMap(entries), activeId);
  }

  private static String required(Properties properties, String name) throws IOException {
    String value = properties.getProperty(name);
    if (value == null) {
      throw new IOException("missing " + name + " in " + RING_FILE);
    }
    return value;
  }

  private void save(State next) throws IOException {
    Properties ring = new Properties();
    ring.setProperty("active", next.activeId());
    ring.setProperty("keys", String.join(",", next.entries().keySet()));
    next.entries().forEach((id, entry) -> {
      ring.setProperty(id + ".public", Base64.getEncoder().encodeToString(entry.key().publicKey()));
      ring.setProperty(id + ".created", entry.created().toString());
      if (entry.retired() != null) {
        ring.setProperty(id + ".retired", entry.retired().toString());
      }
    });
    StringWriter text = new StringWriter();
    ring.store(text, "Accueil convocation keys; private seeds are in <id>.key");
    writeAtomically(dir.resolve(RING_FILE), text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private void createDirectory() throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Files.createDirectories(dir.toAbsolutePath().getParent());
    try {
      if (posix) {
        Files.createDirectory(dir, OWNER_ONLY_DIR);
      } else {
        Files.createDirectory(dir);
      }
    } catch (FileAlreadyExistsException raced) {
      // Another process created it meanwhile: fine.
    }
  }

  private void writeAtomically(Path target, byte[] content) throws IOException {
    // Every file of the ring is private (0600), the public ring too: the data folder's files all are.
    Path temp = posix
        ? Files.createTempFile(dir, ".tmp-", ".part", OWNER_ONLY_FILE)
        : Files.createTempFile(dir, ".tmp-", ".part");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    forceDirectory();
  }

  private void forceDirectory() {
    // Makes the rename itself durable on Linux; other systems may refuse to open a directory, which is harmless.
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // best effort
    }
  }
}
