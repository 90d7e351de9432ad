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

/** The one-shot commands of the jar: backup, restore, anonymise. Each returns an exit code. */
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
