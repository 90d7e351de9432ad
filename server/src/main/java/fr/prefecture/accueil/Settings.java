package fr.prefecture.accueil;

import fr.prefecture.accueil.auth.SessionRules;
import fr.prefecture.accueil.db.DataFiles;
import fr.prefecture.accueil.http.ClientAddress;
import fr.prefecture.accueil.http.ConnectionLimits;
import fr.prefecture.accueil.http.Limits;
import fr.prefecture.accueil.mail.MailSettings;
import fr.prefecture.accueil.site.ConfigException;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.site.SiteLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of a start or of a command, resolved in this one place for the server and every command: the
 * {@code server} section of the file, then the environment, then the command-line options, then the default.
 */
public record Settings(Site site, int port, Path dataDir, SessionRules sessions, Duration retention,
    boolean screensRequirePairing, Limits limits, ConnectionLimits connections, MailSettings mail) {

  static final int DEFAULT_PORT = 8080;
  static final String DEFAULT_DATA_DIR = "./data";
  static final int DEFAULT_SESSION_IDLE_MINUTES = 30;
  static final int DEFAULT_RETENTION_DAYS = 90;
  static final boolean DEFAULT_SCREENS_REQUIRE_PAIRING = true;

  static final WholeNumber PORT = new WholeNumber("port", "a port number", 0, 65535, DEFAULT_PORT);
  static final int DEFAULT_SESSION_LIFETIME_HOURS = 12;
  static final WholeNumber SESSION_LIFETIME_HOURS = new WholeNumber("sessionLifetimeHours", "a number of hours", 1,
      168, DEFAULT_SESSION_LIFETIME_HOURS);
  static final WholeNumber RETENTION_DAYS = new WholeNumber("retentionDays", "a number of days", 1, 3660,
      DEFAULT_RETENTION_DAYS);
  static final WholeNumber SESSION_IDLE_MINUTES = new WholeNumber("sessionIdleMinutes", "a number of minutes", 1, 1440,
      DEFAULT_SESSION_IDLE_MINUTES);
  static final Limits LIMITS = Limits.DEFAULTS;
  static final WholeNumber SIGN_IN_PER_ACCOUNT = new WholeNumber("signInFailuresPerAccount", "a number of attempts",
      1, 1000, LIMITS.signInFailuresPerAccount());
  static final WholeNumber SIGN_IN_PER_ADDRESS = new WholeNumber("signInFailuresPerAddress", "a number of attempts",
      1, 100_000, LIMITS.signInFailuresPerAddress());
  static final WholeNumber SIGN_IN_WINDOW = new WholeNumber("signInWindowMinutes", "a number of minutes", 1, 1440,
      (int) LIMITS.signInWindow().toMinutes());
  static final WholeNumber PAIRING_PER_ADDRESS = new WholeNumber("pairingFailuresPerAddress", "a number of attempts",
      1, 1000, LIMITS.pairingFailuresPerAddress());
  static final WholeNumber PASSWORD_THREADS = new WholeNumber("passwordThreads", "a number of threads", 1, 64,
      LIMITS.passwordThreads());
  static final WholeNumber PASSWORD_QUEUE = new WholeNumber("passwordQueue", "a number of sign-ins", 1, 100_000,
      LIMITS.passwordQueue());
  static final WholeNumber BODY_BUFFER_MIB = new WholeNumber("bodyBufferMiB", "a number of MiB", 1, 4096,
      (int) (LIMITS.bodyBufferBytes() >> 20));
  static final ConnectionLimits CONNECTIONS = ConnectionLimits.DEFAULTS;
  static final WholeNumber HEADER_TIMEOUT = new WholeNumber("headerTimeoutSeconds", "a number of seconds", 1, 300,
      (int) CONNECTIONS.headerTimeout().toSeconds());
  static final WholeNumber IDLE_TIMEOUT = new WholeNumber("idleTimeoutSeconds", "a number of seconds", 20, 3600,
      (int) CONNECTIONS.idleTimeout().toSeconds());
  static final WholeNumber ANONYMOUS_CONNECTIONS = new WholeNumber("anonymousConnectionsPerAddress",
      "a number of connections", 1, 100_000, CONNECTIONS.anonymousConnectionsPerAddress());
  static final WholeNumber ANONYMOUS_STREAMS = new WholeNumber("anonymousStreamsPerAddress", "a number of streams",
      1, 100_000, CONNECTIONS.anonymousStreamsPerAddress());
  static final String TRUSTED_PROXIES = "trustedProxies";
  static final String PUBLIC_URL = "publicUrl";
  static final WholeNumber MAIL_PORT = new WholeNumber("port", "a port number", 1, 65535, 25);
  static final String DATA_DIR = "dataDir";
  static final String SCREENS_REQUIRE_PAIRING = "screensRequirePairing";

  /** Every key of the file's {@code server} section; any other is a mistake. */
  static final Set<String> SERVER_KEYS = Set.of(PORT.key(), DATA_DIR, SESSION_IDLE_MINUTES.key(),
      SESSION_LIFETIME_HOURS.key(),
      RETENTION_DAYS.key(), SCREENS_REQUIRE_PAIRING, SIGN_IN_PER_ACCOUNT.key(), SIGN_IN_PER_ADDRESS.key(),
      SIGN_IN_WINDOW.key(), PAIRING_PER_ADDRESS.key(), PASSWORD_THREADS.key(), PASSWORD_QUEUE.key(),
      BODY_BUFFER_MIB.key(), HEADER_TIMEOUT.key(), IDLE_TIMEOUT.key(), ANONYMOUS_CONNECTIONS.key(),
      ANONYMOUS_STREAMS.key(), TRUSTED_PROXIES, PUBLIC_URL);

  /** A whole-number setting with its bounds and default: the one validation, whatever the value comes from. */
  record WholeNumber(String key, String what, int min, int max, int fallback) {
    /** From an option or an environment variable: a mistake there is a usage error. */
    int parse(String raw, String source) {
      try {
        int value = Integer.parseInt(raw.strip());
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new Options.UsageException(source + " needs " + what + " " + min + "-" + max + ", not '" + raw + "'");
    }

    /** The same, where an absent option means the default. */
    int parseOrDefault(String raw, String source) {
      return raw == null ? fallback : parse(raw, source);
    }

    /** From the file's server section (YAML already typed): absent means the default. */
    int read(Map<String, Object> server, String file) {
      Object value = server.get(key);
      if (value == null) {
        return fallback;
      }
      if (!(value instanceof Integer i) || i < min || i > max) {
        throw new ConfigException(file, "server." + key, "must be a whole number " + min + "-" + max
            + " (" + what + ")");
      }
      return i;
    }
  }

  /**
   * The settings for starting the server (blocking: reads the file, creates the data directory and the store file
   * private to this account if they are absent). Options beat
   * the environment, which beats the file.
   */
  public static Settings resolve(Options options) {
    Settings settings = read(options);
    try {
      DataFiles.prepare(settings.dataDir());
    } catch (Exception e) {
      throw new ConfigException(options.configFile().toString(), "server." + DATA_DIR,
          "cannot create " + settings.dataDir() + ": " + e.getMessage());
    }
    return settings;
  }

  /** The same settings without touching the data directory (blocking: reads the file). */
  static Settings read(Options options) {
    SiteLoader.Loaded loaded = SiteLoader.load(options.configFile());
    String file = loaded.file();
    Map<String, Object> server = loaded.server(SERVER_KEYS);
    int port = first(options.given().port(), options.environment().port()).orElseGet(() -> PORT.read(server, file));
    Path data = first(options.given().dataDir(), options.environment().dataDir())
        .orElseGet(() -> dataDir(server, file));
    int retentionDays = first(options.given().retentionDays(), options.environment().retentionDays())
        .orElseGet(() -> RETENTION_DAYS.read(server, file));
    int idle = SESSION_IDLE_MINUTES.read(server, file);
    Object pairing = server.getOrDefault(SCREENS_REQUIRE_PAIRING, DEFAULT_SCREENS_REQUIRE_PAIRING);
    if (!(pairing instanceof Boolean requirePairing)) {
      throw new ConfigException(file, "server." + SCREENS_REQUIRE_PAIRING, "must be true or false");
    }
    // --demo opens the screens without pairing, so that a demo needs no admin step.
    SessionRules sessions = new SessionRules(Duration.ofMinutes(idle),
        Duration.ofHours(SESSION_LIFETIME_HOURS.read(server, file)));
    Optional<String> publicUrl = options.mail().publicUrl().or(() -> Optional.ofNullable(server.get(PUBLIC_URL))
        .map(String::valueOf));
    MailSettings mail = MailSettings.read(loaded.mail(MailSettings.KEYS), file, options.mail(), publicUrl);
    return new Settings(loaded.site(), port, data, sessions, Duration.ofDays(retentionDays),
        requirePairing && !options.demo(), limits(server, file), connections(server, file), mail);
  }

  private static Limits limits(Map<String, Object> server, String file) {
    return new Limits(SIGN_IN_PER_ACCOUNT.read(server, file), SIGN_IN_PER_ADDRESS.read(server, file),
        Duration.ofMinutes(SIGN_IN_WINDOW.read(server, file)), PAIRING_PER_ADDRESS.read(server, file),
        PASSWORD_THREADS.read(server, file), PASSWORD_QUEUE.read(server, file),
        (long) BODY_BUFFER_MIB.read(server, file) << 20);
  }

  private static ConnectionLimits connections(Map<String, Object> server, String file) {
    Object proxies = server.getOrDefault(TRUSTED_PROXIES, List.of());
    if (!(proxies instanceof List<?> list)
        || !list.stream().allMatch(p -> p instanceof String text && ClientAddress.literal(text).isPresent())) {
      throw new ConfigException(file, "server." + TRUSTED_PROXIES,
          "must be a list of IP addresses (the reverse proxies whose X-Forwarded-For is believed)");
    }
    return new ConnectionLimits(Duration.ofSeconds(HEADER_TIMEOUT.read(server, file)),
        Duration.ofSeconds(IDLE_TIMEOUT.read(server, file)), ANONYMOUS_CONNECTIONS.read(server, file),
        ANONYMOUS_STREAMS.read(server, file), list.stream().map(String.class::cast).toList());
  }

  private static Path dataDir(Map<String, Object> server, String file) {
    Object value = server.getOrDefault(DATA_DIR, DEFAULT_DATA_DIR);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new ConfigException(file, "server." + DATA_DIR, "must be a directory path");
    }
    return Path.of(s.strip());
  }

  private static <T> Optional<T> first(Optional<T> option, Optional<T> environment) {
    return option.or(() -> environment);
  }
}
