package fr.prefecture.accueil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-shot commands read their settings as the server does: the file's server section first. */
class CommandsTest {
  static final Path DEMO = Path.of("../config/accueil.yaml");

  @TempDir
  Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedErr;

  @BeforeEach
  void captureErrors() {
    savedErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreErrors() {
    System.setErr(savedErr);
  }

  private Path configWith(String serverSection) throws Exception {
    String yaml = Files.readString(DEMO).replaceFirst("(?ms)^server:.*?(?=^site:)", serverSection + "\n");
    Path config = dir.resolve("site.yaml");
    Files.writeString(config, yaml);
    return config;
  }

  private static void storeAt(Path data) throws Exception {
    Files.createDirectories(data);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("accueil.db"))) {
      c.createStatement().execute("CREATE TABLE marker (x TEXT)");
    }
  }

  private static boolean hasTable(Path db, String table) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet r = c.createStatement().executeQuery(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")) {
      return r.next() && r.getInt(1) == 1;
    }
  }

  private static int run(Map<String, String> env, String... args) {
    return Commands.run(Options.parse(args, env));
  }

  @Test
  void backup_copies_the_data_directory_named_in_the_file() throws Exception {
    Path live = dir.resolve("live");
    storeAt(live);
    Path config = configWith("server:\n  dataDir: " + live);
    Path to = dir.resolve("backup");

    assertThat(run(Map.of(), "backup", "--config", config.toString(), "--to", to.toString())).isEqualTo(0);

    assertThat(hasTable(to.resolve("accueil.db"), "marker")).isTrue();
  }

  @Test
  void anonymise_works_on_the_data_directory_named_in_the_file() throws Exception {
    Path live = dir.resolve("live");
    storeAt(live);
    Path config = configWith("server:\n  dataDir: " + live);

    assertThat(run(Map.of(), "anonymise", "--config", config.toString(), "--now", "2026-03-30T08:00:00Z"))
        .isEqualTo(0);

    // The command migrated the store it worked on: the one the file names.
    assertThat(hasTable(live.resolve("accueil.db"), "schema_version")).isTrue();
  }

  @Test
  void the_environment_and_the_options_beat_the_file_for_the_commands_too() throws Exception {
    Path fromFile = dir.resolve("from-file");
    Path fromEnv = dir.resolve("from-env");
    Path fromOption = dir.resolve("from-option");
    storeAt(fromFile);
    storeAt(fromEnv);
    storeAt(fromOption);
    Path config = configWith("server:\n  dataDir: " + fromFile);

    assertThat(run(Map.of("ACCUEIL_DATA", fromEnv.toString()), "backup", "--config", config.toString(),
        "--to", dir.resolve("b1").toString())).isEqualTo(0);
    assertThat(run(Map.of("ACCUEIL_DATA", fromEnv.toString()), "backup", "--config", config.toString(),
        "--data", fromOption.toString(), "--to", dir.resolve("b2").toString())).isEqualTo(0);

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fromEnv.resolve("accueil.db"))) {
      c.createStatement().execute("CREATE TABLE env_only (x TEXT)");
    }
    assertThat(run(Map.of("ACCUEIL_DATA", fromEnv.toString()), "backup", "--config", config.toString(),
        "--to", dir.resolve("b3").toString())).isEqualTo(0);
    assertThat(hasTable(dir.resolve("b3/accueil.db"), "env_only")).isTrue();
    assertThat(hasTable(dir.resolve("b2/accueil.db"), "env_only")).isFalse();
  }

  @Test
  void a_retention_of_zero_days_in_the_file_is_refused_by_anonymise_as_by_the_server() throws Exception {
    Path live = dir.resolve("live");
    storeAt(live);
    Path config = configWith("server:\n  dataDir: " + live + "\n  retentionDays: 0");

    assertThat(run(Map.of(), "anonymise", "--config", config.toString())).isEqualTo(1);

    assertThat(err.toString(StandardCharsets.UTF_8)).contains(config.toString()).contains("server.retentionDays");
    assertThat(hasTable(live.resolve("accueil.db"), "schema_version")).isFalse();
  }

  @Test
  void a_retention_that_is_not_a_number_is_refused_rather_than_taken_as_90_days() throws Exception {
    Path live = dir.resolve("live");
    storeAt(live);
    Path config = configWith("server:\n  dataDir: " + live + "\n  retentionDays: \"x\"");

    assertThat(run(Map.of(), "anonymise", "--config", config.toString())).isEqualTo(1);

    assertThat(err.toString(StandardCharsets.UTF_8)).contains(config.toString()).contains("server.retentionDays")
        .contains("whole number");
    assertThat(hasTable(live.resolve("accueil.db"), "schema_version")).isFalse();
  }
}
