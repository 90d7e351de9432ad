package fr.prefecture.accueil;

import fr.prefecture.accueil.backup.Backup;
import fr.prefecture.accueil.db.DataFiles;
import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.indicator.HistoryGenerator;
import fr.prefecture.accueil.privacy.Retention;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The one-shot commands of the jar: backup, restore, anonymise, generate-history. Each reads its settings through
 * {@link Settings}, as the server does, and returns an exit code.
 */
final class Commands {
  private Commands() {}

  static int run(Options options) {
    Options.Job job = options.job().orElseThrow();
    try {
      if (job instanceof Options.Backup backup) {
        Path data = Settings.read(options).dataDir();
        Backup.backup(data, backup.to());
        System.out.println("Backup of " + data + " written to " + backup.to());
      } else if (job instanceof Options.Restore restore) {
        restore(options, restore.from());
      } else if (job instanceof Options.GenerateHistory history) {
        generateHistory(Settings.resolve(options), options, history);
      } else {
        anonymise(Settings.resolve(options), options);
      }
      return 0;
    } catch (Options.UsageException e) {
      throw e;
    } catch (Exception e) {
      System.err.println("accueil: " + e.getMessage());
      return 1;
    }
  }

  private static void restore(Options options, Path from) throws Exception {
    // The target is never taken from the file's default: restoring is into a directory the operator names.
    if (options.given().dataDir().isEmpty() && options.environment().dataDir().isEmpty()) {
      throw new Options.UsageException("restore needs --data EMPTY_DIR", Options.usage("restore"));
    }
    Path data = Settings.read(options).dataDir();
    Backup.restore(from, data);
    System.out.println("Restored " + from + " into " + data + "; start the server with --data " + data);
  }

  private static void generateHistory(Settings settings, Options options, Options.GenerateHistory job)
      throws Exception {
    Path data = settings.dataDir();
    Instant now = options.now().orElse(Instant.now());
    LocalDate to = LocalDate.ofInstant(now, settings.site().zone()).minusDays(1);
    LocalDate from = to.minusYears(job.years()).plusDays(1);
    DataFiles.prepare(data);
    Vertx vertx = Vertx.vertx();
    try {
      Pool pool = Database.open(vertx, data.resolve("accueil.db"));
      Database.migrate(vertx, pool).await();
      pool.close().await();
    } finally {
      vertx.close().await();
    }
    System.out.println("Generating " + job.years() + " year(s) of history, " + from + " to " + to + ", about "
        + job.perDay() + " appointments per working day, seed " + job.seed() + " ...");
    HistoryGenerator.Counts c = new HistoryGenerator(settings.site(), job.seed())
        .generate(data.resolve("accueil.db"), from, to, job.perDay(), now);
    System.out.printf("%,d days: %,d appointments, %,d scans, %,d tickets, %,d ticket events in %.1f s; "
        + "rollups built in %.1f s%n", c.days(), c.appointments(), c.scans(), c.tickets(), c.events(),
        c.millis() / 1000.0, c.rollupMillis() / 1000.0);
  }

  private static void anonymise(Settings settings, Options options) {
    Vertx vertx = Vertx.vertx();
    try {
      Pool pool = Database.open(vertx, settings.dataDir().resolve("accueil.db"));
      Clock clock = options.now().map(SiteTime::startingAt).orElse(Clock.systemUTC());
      Retention.Result result = Database.migrate(vertx, pool)
          .compose(v -> new Retention(pool, new SiteTime(clock, settings.site().zone()), settings.retention()).run())
          .await();
      System.out.println("Anonymised records older than " + settings.retention().toDays() + " days: " + Map.of(
          "appointments", result.appointments(), "invitations", result.invitations(), "scans", result.scans(),
          "messages", result.messages()));
      pool.close().await();
    } finally {
      vertx.close().await();
    }
  }
}
