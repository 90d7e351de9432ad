package fr.prefecture.accueil;

import fr.prefecture.accueil.backup.Backup;
import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.privacy.Retention;
import fr.prefecture.accueil.site.SiteLoader;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The one-shot commands of the jar: backup, restore, anonymise, generate-history. Each returns an exit code. */
final class Commands {
  private Commands() {}

  static int run(Options options) {
    String command = options.rest().get(0);
    Path data = options.dataDir().orElse(Path.of("data"));
    try {
      switch (command) {
        case "backup" -> {
          Path to = Path.of(options.commandOption("--to").orElseThrow(() ->
              new Options.UsageException("backup needs --to NEW_DIR")));
          Backup.backup(data, to);
          System.out.println("Backup of " + data + " written to " + to);
          return 0;
        }
        case "restore" -> {
          Path from = Path.of(options.commandOption("--from").orElseThrow(() ->
              new Options.UsageException("restore needs --from BACKUP_DIR")));
          if (options.dataDir().isEmpty()) {
            throw new Options.UsageException("restore needs --data EMPTY_DIR");
          }
          Backup.restore(from, data);
          System.out.println("Restored " + from + " into " + data + "; start the server with --data " + data);
          return 0;
        }
        case "generate-history" -> {
          return generateHistory(options, data);
        }
        case "anonymise", "anonymize" -> {
          return anonymise(options, data);
        }
        default -> throw new Options.UsageException("unknown command or argument '" + command + "'");
      }
    } catch (Options.UsageException e) {
      throw e;
    } catch (Exception e) {
      System.err.println("accueil " + command + ": " + e.getMessage());
      return 1;
    }
  }

  private static int generateHistory(Options options, Path data) throws Exception {
    int years = intOption(options, "--years", 5, 1, 10);
    int perDay = intOption(options, "--per-day", 1600, 1, 20_000);
    long seed = intOption(options, "--seed", 1, 0, Integer.MAX_VALUE);
    SiteLoader.Loaded loaded = SiteLoader.load(options.configFile());
    java.time.Instant now = options.now().orElse(java.time.Instant.now());
    java.time.LocalDate to = java.time.LocalDate.ofInstant(now, loaded.site().zone()).minusDays(1);
    java.time.LocalDate from = to.minusYears(years).plusDays(1);
    java.nio.file.Files.createDirectories(data);
    Vertx vertx = Vertx.vertx();
    try {
      Pool pool = Database.open(vertx, data.resolve("accueil.db"));
      Database.migrate(vertx, pool).await();
      pool.close().await();
    } finally {
      vertx.close().await();
    }
    System.out.println("Generating " + years + " year(s) of history, " + from + " to " + to + ", about " + perDay
        + " appointments per working day, seed " + seed + " ...");
    fr.prefecture.accueil.indicator.HistoryGenerator.Counts c = new fr.prefecture.accueil.indicator.HistoryGenerator(
        loaded.site(), seed).generate(data.resolve("accueil.db"), from, to, perDay, now);
    System.out.printf("%,d days: %,d appointments, %,d scans, %,d tickets, %,d ticket events in %.1f s; "
        + "rollups built in %.1f s%n", c.days(), c.appointments(), c.scans(), c.tickets(), c.events(),
        c.millis() / 1000.0, c.rollupMillis() / 1000.0);
    return 0;
  }

  private static int intOption(Options options, String name, int fallback, int min, int max) {
    String raw = options.commandOption(name).orElse(null);
    if (raw == null) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw);
      if (v < min || v > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new Options.UsageException(name + " needs a whole number " + min + "-" + max + ", not '" + raw + "'");
    }
  }

  private static int anonymise(Options options, Path data) {
    SiteLoader.Loaded loaded = SiteLoader.load(options.configFile());
    Object fileDays = loaded.server().get("retentionDays");
    int days = options.retentionDays().orElse(fileDays instanceof Integer i ? i : 90);
    Vertx vertx = Vertx.vertx();
    try {
      Pool pool = Database.open(vertx, data.resolve("accueil.db"));
      Clock clock = options.now().map(SiteTime::startingAt).orElse(Clock.systemUTC());
      Retention.Result result = Database.migrate(vertx, pool)
          .compose(v -> new Retention(pool, new SiteTime(clock, loaded.site().zone()), Duration.ofDays(days)).run())
          .await();
      System.out.println("Anonymised records older than " + days + " days: " + Map.of(
          "appointments", result.appointments(), "invitations", result.invitations(), "scans", result.scans()));
      pool.close().await();
      return 0;
    } finally {
      vertx.close().await();
    }
  }
}
