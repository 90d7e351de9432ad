package fr.prefecture.accueil;

import fr.prefecture.accueil.mail.MailSettings;
import fr.prefecture.accueil.site.SiteLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The command line (parsed with picocli) and the environment it ran in. Which of them wins over the file is
 * decided by {@link Settings}; here each value is only checked.
 */
public record Options(Layer given, Layer environment, Path configFile, boolean demo, Optional<Instant> now,
    Optional<String> adminPassword, Optional<Job> job, MailSettings.Environment mail) {

  /** The settings one source gives (the options, or the environment); empty where it says nothing. */
  public record Layer(Optional<Integer> port, Optional<Path> dataDir, Optional<Integer> retentionDays) {}

  /** A one-shot command of the jar instead of the server. */
  public sealed interface Job {}

  record Backup(Path to) implements Job {}

  record Restore(Path from) implements Job {}

  record Anonymise() implements Job {}

  record GenerateHistory(int years, int perDay, long seed) implements Job {}

  private static final int DEFAULT_YEARS = 5;
  private static final int DEFAULT_PER_DAY = 1600;
  private static final int DEFAULT_SEED = 1;
  static final Settings.WholeNumber YEARS = new Settings.WholeNumber("years", "a whole number", 1, 10, DEFAULT_YEARS);
  static final Settings.WholeNumber PER_DAY = new Settings.WholeNumber("per-day", "a whole number", 1, 20_000,
      DEFAULT_PER_DAY);
  static final Settings.WholeNumber SEED = new Settings.WholeNumber("seed", "a whole number", 0, Integer.MAX_VALUE,
      DEFAULT_SEED);

  /** A command-line mistake (printed with the usage, exit 2), or a request for help (empty message, exit 0). */
  public static final class UsageException extends RuntimeException {
    private final String usage;

    UsageException(String message) {
      this(message, Options.usage());
    }

    UsageException(String message, String usage) {
      super(message);
      this.usage = usage;
    }

    public boolean helpRequested() {
      return getMessage().isEmpty();
    }

    /** The usage of the command the mistake was made in. */
    public String usage() {
      return usage;
    }
  }

  /** The usage of the jar: the server's options and the commands. */
  public static String usage() {
    return new CommandLine(new Accueil()).getUsageMessage();
  }

  /** The usage of one command of the jar. */
  static String usage(String command) {
    return new CommandLine(new Accueil()).getSubcommands().get(command).getUsageMessage();
  }

  public static Options parse(String[] args, Map<String, String> env) {
    Accueil cli = new Accueil();
    CommandLine commandLine = new CommandLine(cli);
    ParseResult result;
    try {
      result = commandLine.parseArgs(args);
    } catch (ParameterException e) {
      throw new UsageException(e.getMessage(), e.getCommandLine().getUsageMessage());
    }
    for (CommandLine c : result.asCommandLineList()) {
      if (c.isUsageHelpRequested()) {
        throw new UsageException("", c.getUsageMessage());
      }
    }
    Optional<Job> job = result.hasSubcommand() ? Optional.of(job(result.subcommand())) : Optional.empty();
    Layer given = new Layer(
        Optional.ofNullable(cli.port).map(p -> Settings.PORT.parse(p, "--port")),
        Optional.ofNullable(cli.data).map(Path::of),
        Optional.ofNullable(cli.retentionDays).map(d -> Settings.RETENTION_DAYS.parse(d, "--retention-days")));
    Layer environment = new Layer(
        Optional.ofNullable(env.get("ACCUEIL_PORT")).map(p -> Settings.PORT.parse(p, "ACCUEIL_PORT")),
        Optional.ofNullable(env.get("ACCUEIL_DATA")).filter(d -> !d.isBlank()).map(Path::of),
        Optional.ofNullable(env.get("ACCUEIL_RETENTION_DAYS"))
            .map(d -> Settings.RETENTION_DAYS.parse(d, "ACCUEIL_RETENTION_DAYS")));
    Path config = Optional.ofNullable(cli.config)
        .or(() -> Optional.ofNullable(env.get("ACCUEIL_CONFIG")).filter(c -> !c.isBlank()))
        .map(Path::of).orElse(SiteLoader.DEFAULT);
    Optional<String> admin = Optional.ofNullable(env.get("ACCUEIL_ADMIN_PASSWORD")).filter(s -> !s.isBlank());
    return new Options(given, environment, config, cli.demo, Optional.ofNullable(cli.now).map(Options::instant),
        admin, job, mail(env));
  }

  private static MailSettings.Environment mail(Map<String, String> env) {
    java.util.function.Function<String, Optional<String>> read = name -> Optional.ofNullable(env.get(name))
        .filter(v -> !v.isBlank()).map(String::strip);
    return new MailSettings.Environment(read.apply("ACCUEIL_MAIL_HOST"),
        read.apply("ACCUEIL_MAIL_PORT").map(p -> Settings.MAIL_PORT.parse(p, "ACCUEIL_MAIL_PORT")),
        read.apply("ACCUEIL_MAIL_FROM"), read.apply("ACCUEIL_MAIL_PASSWORD"), read.apply("ACCUEIL_PUBLIC_URL"));
  }

  private static Job job(ParseResult sub) {
    Object command = sub.commandSpec().userObject();
    if (command instanceof BackupCommand b) {
      return new Backup(Path.of(b.to));
    }
    if (command instanceof RestoreCommand r) {
      return new Restore(Path.of(r.from));
    }
    if (command instanceof GenerateHistoryCommand g) {
      return new GenerateHistory(YEARS.parseOrDefault(g.years, "--years"),
          PER_DAY.parseOrDefault(g.perDay, "--per-day"), SEED.parseOrDefault(g.seed, "--seed"));
    }
    return new Anonymise();
  }

  private static Instant instant(String raw) {
    try {
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw new UsageException("--now needs an ISO instant such as 2026-03-30T07:45:00Z, not '" + raw + "'");
    }
  }

  @Command(name = "java -jar accueil.jar", sortOptions = false, usageHelpAutoWidth = true, description = "Starts the Accueil server, or runs one of the commands.", subcommands = {
      BackupCommand.class, RestoreCommand.class, AnonymiseCommand.class, GenerateHistoryCommand.class}, footer = {
          "%nOptions beat the environment (ACCUEIL_PORT, ACCUEIL_DATA, ACCUEIL_CONFIG, ACCUEIL_RETENTION_DAYS),",
          "which beats the server section of the configuration file; ACCUEIL_MAIL_HOST, ACCUEIL_MAIL_PORT,",
          "ACCUEIL_MAIL_FROM beat its mail section, ACCUEIL_PUBLIC_URL its server.publicUrl;",
          "ACCUEIL_MAIL_PASSWORD is the SMTP password.",
          "ACCUEIL_ADMIN_PASSWORD creates the account 'admin' on a store with no accounts."})
  static final class Accueil {
    @Option(names = "--port", paramLabel = "P", scope = ScopeType.INHERIT, description = "HTTP port, 0 = any free one (else ACCUEIL_PORT, server.port, "
        + Settings.DEFAULT_PORT + ")")
    String port;

    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT, description = "the SQLite store and the signing keys (else ACCUEIL_DATA, server.dataDir, "
        + Settings.DEFAULT_DATA_DIR + ")")
    String data;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT, description = "site configuration (else ACCUEIL_CONFIG, config/accueil.yaml, the demo site in the jar)")
    String config;

    @Option(names = "--demo", scope = ScopeType.INHERIT, description = "today's demo appointments and demo staff accounts (printed at start); screens open "
        + "without pairing")
    boolean demo;

    @Option(names = "--now", paramLabel = "ISO_INSTANT", scope = ScopeType.INHERIT, description = "start the clock at this instant, e.g. 2026-03-30T07:45:00Z, then run in real time")
    String now;

    @Option(names = "--retention-days", paramLabel = "N", scope = ScopeType.INHERIT, description = "remove visitors' personal data N days after their appointment (else "
        + "ACCUEIL_RETENTION_DAYS, server.retentionDays, " + Settings.DEFAULT_RETENTION_DAYS + ")")
    String retentionDays;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "this help")
    boolean help;
  }

  @Command(name = "backup", sortOptions = false, description = "online backup of the store and the keys into a new directory")
  static final class BackupCommand {
    @Option(names = "--to", paramLabel = "NEW_DIR", required = true, description = "the backup's directory (new)")
    String to;
  }

  @Command(name = "restore", sortOptions = false, description = "restore a backup into an empty data directory (--data, required)")
  static final class RestoreCommand {
    @Option(names = "--from", paramLabel = "BACKUP_DIR", required = true, description = "the backup to restore")
    String from;
  }

  @Command(name = "anonymise", aliases = "anonymize", sortOptions = false, description = "remove personal data past the retention period")
  static final class AnonymiseCommand {}

  @Command(name = "generate-history", sortOptions = false, description = "synthetic history for demos and benchmarks (empty store only)")
  static final class GenerateHistoryCommand {
    @Option(names = "--years", paramLabel = "N", description = "years of history (default " + DEFAULT_YEARS + ")")
    String years;

    @Option(names = "--per-day", paramLabel = "N", description = "appointments per working day (default "
        + DEFAULT_PER_DAY + ")")
    String perDay;

    @Option(names = "--seed", paramLabel = "N", description = "random seed (default " + DEFAULT_SEED + ")")
    String seed;
  }
}
