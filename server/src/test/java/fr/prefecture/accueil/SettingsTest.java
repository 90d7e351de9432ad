package fr.prefecture.accueil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.prefecture.accueil.site.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One resolver: the file's server section, beaten by the environment, beaten by the options; one validation. */
class SettingsTest {
  static final Path DEMO = Path.of("../config/accueil.yaml");

  @TempDir
  Path dir;

  private Path config(String serverSection) throws Exception {
    String yaml = Files.readString(DEMO).replaceFirst("(?ms)^server:.*?(?=^site:)", serverSection + "\n");
    Path config = dir.resolve("site.yaml");
    Files.writeString(config, yaml);
    return config;
  }

  private static Settings read(Path config, Map<String, String> env, String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("--config", config.toString()));
    all.addAll(List.of(args));
    return Settings.read(Options.parse(all.toArray(String[]::new), env));
  }

  @Test
  void without_a_server_section_every_setting_takes_its_default() throws Exception {
    Settings s = read(config(""), Map.of());
    assertThat(s.port()).isEqualTo(8080);
    assertThat(s.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(s.sessions().idle()).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.sessions().lifetime()).isEqualTo(Duration.ofHours(12));
    assertThat(s.retention()).isEqualTo(Duration.ofDays(90));
    assertThat(s.screensRequirePairing()).isTrue();
    assertThat(s.site().services()).isNotEmpty();
  }

  @Test
  void the_file_beats_the_defaults_for_every_setting() throws Exception {
    Settings s = read(config("server:\n  port: 9001\n  dataDir: " + dir.resolve("file") + "\n  sessionIdleMinutes: 12\n"
        + "  sessionLifetimeHours: 9\n  retentionDays: 40\n  screensRequirePairing: false"), Map.of());
    assertThat(s.port()).isEqualTo(9001);
    assertThat(s.dataDir()).isEqualTo(dir.resolve("file"));
    assertThat(s.sessions().idle()).isEqualTo(Duration.ofMinutes(12));
    assertThat(s.sessions().lifetime()).isEqualTo(Duration.ofHours(9));
    assertThat(s.retention()).isEqualTo(Duration.ofDays(40));
    assertThat(s.screensRequirePairing()).isFalse();
  }

  @Test
  void the_environment_beats_the_file_and_an_option_beats_the_environment_for_every_setting() throws Exception {
    Path config = config("server:\n  port: 9001\n  dataDir: " + dir.resolve("file") + "\n  retentionDays: 40");
    Map<String, String> env = new HashMap<>(
        Map.of("ACCUEIL_PORT", "9002", "ACCUEIL_DATA", dir.resolve("env").toString(),
            "ACCUEIL_RETENTION_DAYS", "50"));

    Settings fromEnv = read(config, env);
    assertThat(fromEnv.port()).isEqualTo(9002);
    assertThat(fromEnv.dataDir()).isEqualTo(dir.resolve("env"));
    assertThat(fromEnv.retention()).isEqualTo(Duration.ofDays(50));

    Settings fromOptions = read(config, env, "--port", "9003", "--data", dir.resolve("opt").toString(),
        "--retention-days", "60");
    assertThat(fromOptions.port()).isEqualTo(9003);
    assertThat(fromOptions.dataDir()).isEqualTo(dir.resolve("opt"));
    assertThat(fromOptions.retention()).isEqualTo(Duration.ofDays(60));

    // The configuration file itself: the option beats ACCUEIL_CONFIG.
    Path other = dir.resolve("other.yaml");
    Files.writeString(other, Files.readString(config).replace("port: 9001", "port: 9009"));
    assertThat(Settings.read(Options.parse(new String[0], Map.of("ACCUEIL_CONFIG", other.toString()))).port())
        .isEqualTo(9009);
    assertThat(Settings.read(Options.parse(new String[]{"--config", other.toString()},
        Map.of("ACCUEIL_CONFIG", config.toString()))).port()).isEqualTo(9009);
  }

  @Test
  void demo_opens_the_screens_without_pairing() throws Exception {
    assertThat(read(config(""), Map.of(), "--demo").screensRequirePairing()).isFalse();
  }

  @Test
  void bad_values_in_the_server_section_name_the_file_and_the_key() throws Exception {
    String[][] bad = {
        {"retentionDays: 0", "server.retentionDays"}, {"retentionDays: \"x\"", "server.retentionDays"},
        {"retentionDays: 4000", "server.retentionDays"}, {"port: 70000", "server.port"}, {"port: http", "server.port"},
        {"sessionIdleMinutes: 0", "server.sessionIdleMinutes"},
        {"sessionLifetimeHours: 169", "server.sessionLifetimeHours"},
        {"trustedProxies: [proxy.example]", "server.trustedProxies"},
        {"trustedProxies: 10.0.0.2", "server.trustedProxies"},
        {"headerTimeoutSeconds: 0", "server.headerTimeoutSeconds"},
        {"anonymousStreamsPerAddress: -1", "server.anonymousStreamsPerAddress"},
        {"screensRequirePairing: maybe", "server.screensRequirePairing"},
        {"dataDir: [a, b]", "server.dataDir"}, {"dataDirectory: /srv", "server.dataDirectory"}};
    for (String[] b : bad) {
      Path config = config("server:\n  " + b[0]);
      assertThatThrownBy(() -> read(config, Map.of())).as(b[0]).isInstanceOf(ConfigException.class)
          .hasMessageStartingWith(config + ": " + b[1] + ": ");
    }
    Path typo = config("server:\n  prot: 8081");
    assertThatThrownBy(() -> read(typo, Map.of())).hasMessage(typo + ": server.prot: unknown key");
  }

  @Test
  void resolving_for_the_server_creates_the_data_directory() throws Exception {
    Path data = dir.resolve("new/data");
    Settings s = Settings.resolve(Options.parse(new String[]{"--config", config("").toString(), "--data",
        data.toString()}, Map.of()));
    assertThat(s.dataDir()).isEqualTo(data);
    assertThat(data).isDirectory();
  }
}
