package fr.prefecture.accueil;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Start options. Precedence: command-line option, then environment variable, then the {@code server}
 * section of the configuration file, then the default.
 */
public record Options(Optional<Integer> port, Optional<Path> dataDir, Path configFile, boolean demo,
    Optional<Instant> now, Optional<String> adminPassword, Optional<Integer> retentionDays, List<String> rest) {

  public static final String USAGE = """
      usage: java -jar accueil.jar [--port P] [--data DIR] [--config FILE] [--demo] [--now ISO_INSTANT]
             java -jar accueil.jar backup [--data DIR] --to NEW_DIR     online backup (store + keys)
             java -jar accueil.jar restore --from BACKUP_DIR --data EMPTY_DIR
             java -jar accueil.jar anonymise [--data DIR] [--config FILE]  remove personal data past retention
             java -jar accueil.jar generate-history [--data NEW_DIR] [--config FILE] [--years 5] [--per-day 1600] [--seed 1]
                                                     synthetic history for demos and benchmarks (empty store only)
        --port P         HTTP port (default 8080; env ACCUEIL_PORT; 0 = any free port)
        --data DIR       directory of the SQLite store and the signing keys (default ./data; env ACCUEIL_DATA)
        --config FILE    site configuration (default config/accueil.yaml, else the demo site in the jar; env ACCUEIL_CONFIG)
        --demo           add today's demo appointments and demo staff accounts (printed at start);
                         screens open without pairing
        --now INSTANT    start the server clock at this instant, e.g. 2026-03-30T07:45:00Z
        --retention-days N  remove visitors' personal data N days after their appointment (default 90)
      env ACCUEIL_ADMIN_PASSWORD creates the account 'admin' on a store with no accounts;
      env ACCUEIL_RETENTION_DAYS overrides server.retentionDays (default 90).""";

  /** A command-line mistake: the message is printed with the usage. */
  public static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  public static Options parse(String[] args, Map<String, String> env) {
    Optional<Integer> port = Optional.ofNullable(env.get("ACCUEIL_PORT")).map(p -> port(p, "ACCUEIL_PORT"));
    Optional<Path> data = Optional.ofNullable(env.get("ACCUEIL_DATA")).map(Path::of);
    Path config = env.containsKey("ACCUEIL_CONFIG") ? Path.of(env.get("ACCUEIL_CONFIG"))
        : fr.prefecture.accueil.site.SiteLoader.DEFAULT;
    boolean demo = false;
    Optional<Instant> now = Optional.empty();
    List<String> rest = new ArrayList<>();
    Optional<Integer> retentionOption = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--port" -> port = Optional.of(port(value(args, ++i, arg), arg));
        case "--data" -> data = Optional.of(Path.of(value(args, ++i, arg)));
        case "--config" -> config = Path.of(value(args, ++i, arg));
        case "--demo" -> demo = true;
        case "--retention-days" -> retentionOption = Optional.of(days(value(args, ++i, arg), arg));
        case "--now" -> {
          String raw = value(args, ++i, arg);
          try {
            now = Optional.of(Instant.parse(raw));
          } catch (DateTimeParseException e) {
            throw new UsageException("--now needs an ISO instant such as 2026-03-30T07:45:00Z, not '" + raw + "'");
          }
        }
        case "-h", "--help" -> throw new UsageException("");
        default -> rest.add(arg);
      }
    }
    Optional<String> admin = Optional.ofNullable(env.get("ACCUEIL_ADMIN_PASSWORD")).filter(s -> !s.isBlank());
    Optional<Integer> retention = Optional.ofNullable(env.get("ACCUEIL_RETENTION_DAYS"))
        .map(d -> days(d, "ACCUEIL_RETENTION_DAYS"));
    if (retentionOption.isPresent()) {
      retention = retentionOption;
    }
    return new Options(port, data, config, demo, now, admin, retention, List.copyOf(rest));
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static int days(String raw, String option) {
    try {
      int d = Integer.parseInt(raw);
      if (d < 1 || d > 3660) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs a number of days 1-3660, not '" + raw + "'");
    }
  }

  /** The value following an option among the command's own arguments (backup --to DIR). */
  public Optional<String> commandOption(String name) {
    int i = rest.indexOf(name);
    if (i < 0) {
      return Optional.empty();
    }
    if (i + 1 >= rest.size()) {
      throw new UsageException(name + " needs a value");
    }
    return Optional.of(rest.get(i + 1));
  }

  private static int port(String raw, String option) {
    try {
      int p = Integer.parseInt(raw);
      if (p < 0 || p > 65535) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new UsageException(option + " needs a port number 0-65535, not '" + raw + "'");
    }
  }
}
