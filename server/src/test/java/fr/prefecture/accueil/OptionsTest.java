package fr.prefecture.accueil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.prefecture.accueil.site.SiteLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every option name and command of the jar, as they were before picocli parsed them. */
class OptionsTest {
  private static Options parse(String... args) {
    return Options.parse(args, Map.of());
  }

  @Test
  void every_server_option_parses() {
    Options o = parse("--port", "9090", "--data", "/srv/accueil", "--config", "site.yaml", "--demo",
        "--now", "2026-03-30T07:45:00Z", "--retention-days", "30");
    assertThat(o.given()).isEqualTo(new Options.Layer(Optional.of(9090), Optional.of(Path.of("/srv/accueil")),
        Optional.of(30)));
    assertThat(o.configFile()).isEqualTo(Path.of("site.yaml"));
    assertThat(o.demo()).isTrue();
    assertThat(o.now()).contains(Instant.parse("2026-03-30T07:45:00Z"));
    assertThat(o.job()).isEmpty();
  }

  @Test
  void without_options_nothing_is_given_and_the_shipped_file_is_read() {
    Options o = parse();
    assertThat(o.given()).isEqualTo(new Options.Layer(Optional.empty(), Optional.empty(), Optional.empty()));
    assertThat(o.environment()).isEqualTo(o.given());
    assertThat(o.configFile()).isEqualTo(SiteLoader.DEFAULT);
    assertThat(o.demo()).isFalse();
    assertThat(o.now()).isEmpty();
    assertThat(o.adminPassword()).isEmpty();
  }

  @Test
  void every_command_parses_with_its_own_options_and_the_global_ones_before_or_after_it() {
    assertThat(parse("backup", "--to", "/b").job()).contains(new Options.Backup(Path.of("/b")));
    assertThat(parse("backup", "--data", "/d", "--to", "/b").given().dataDir()).contains(Path.of("/d"));
    assertThat(parse("--data", "/d", "backup", "--to", "/b").given().dataDir()).contains(Path.of("/d"));
    assertThat(parse("restore", "--from", "/b", "--data", "/new").job()).contains(new Options.Restore(Path.of("/b")));
    assertThat(parse("anonymise", "--data", "/d", "--config", "s.yaml").job()).contains(new Options.Anonymise());
    assertThat(parse("anonymize").job()).contains(new Options.Anonymise());
    assertThat(parse("anonymise", "--retention-days", "10", "--now", "2026-01-01T00:00:00Z").given().retentionDays())
        .contains(10);
    assertThat(parse("generate-history", "--data", "/h", "--years", "2", "--per-day", "300", "--seed", "7").job())
        .contains(new Options.GenerateHistory(2, 300, 7));
    assertThat(parse("generate-history").job()).contains(new Options.GenerateHistory(5, 1600, 1));
  }

  @Test
  void the_environment_is_read_and_checked() {
    Options o = Options.parse(new String[0], Map.of("ACCUEIL_PORT", "7070", "ACCUEIL_DATA", "/env",
        "ACCUEIL_CONFIG", "env.yaml", "ACCUEIL_RETENTION_DAYS", "45", "ACCUEIL_ADMIN_PASSWORD", "a-long-password"));
    assertThat(o.environment()).isEqualTo(new Options.Layer(Optional.of(7070), Optional.of(Path.of("/env")),
        Optional.of(45)));
    assertThat(o.configFile()).isEqualTo(Path.of("env.yaml"));
    assertThat(o.adminPassword()).contains("a-long-password");
    assertThat(Options.parse(new String[]{"--config", "opt.yaml"}, Map.of("ACCUEIL_CONFIG", "env.yaml"))
        .configFile()).isEqualTo(Path.of("opt.yaml"));
    assertThatThrownBy(() -> Options.parse(new String[0], Map.of("ACCUEIL_PORT", "eighty")))
        .isInstanceOf(Options.UsageException.class).hasMessageContaining("ACCUEIL_PORT").hasMessageContaining("eighty");
    assertThatThrownBy(() -> Options.parse(new String[0], Map.of("ACCUEIL_RETENTION_DAYS", "0")))
        .isInstanceOf(Options.UsageException.class).hasMessageContaining("ACCUEIL_RETENTION_DAYS");
  }

  @Test
  void help_is_asked_with_h_or_help_anywhere() {
    for (String[] args : new String[][]{{"-h"}, {"--help"}, {"backup", "--help"}, {"--port", "1", "-h"}}) {
      assertThatThrownBy(() -> parse(args)).isInstanceOfSatisfying(Options.UsageException.class, e -> {
        assertThat(e.helpRequested()).isTrue();
        assertThat(e.usage()).contains("Usage:", "--port");
      });
    }
    assertThatThrownBy(() -> parse("backup", "-h")).isInstanceOfSatisfying(Options.UsageException.class,
        e -> assertThat(e.usage()).contains("backup", "--to", "NEW_DIR"));
    assertThat(Options.usage()).contains("--port", "--data", "--config", "--demo", "--now", "--retention-days",
        "backup", "restore", "anonymise", "generate-history", "ACCUEIL_ADMIN_PASSWORD");
  }

  @Test
  void mistakes_are_usage_errors_with_a_message() {
    String[][] mistakes = {
        {"--port", "http"}, {"--port", "70000"}, {"--port"}, {"--now", "tomorrow"}, {"--retention-days", "0"},
        {"--retention-days", "x"}, {"--colour"}, {"bakup"}, {"backup"}, {"restore", "--data", "/d"},
        {"generate-history", "--years", "11"}, {"generate-history", "--seed", "-1"}};
    for (String[] args : mistakes) {
      assertThatThrownBy(() -> parse(args)).as(String.join(" ", args))
          .isInstanceOfSatisfying(Options.UsageException.class, e -> {
            assertThat(e.helpRequested()).isFalse();
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.usage()).isNotBlank();
          });
    }
    assertThatThrownBy(() -> parse("--port", "http")).hasMessage("--port needs a port number 0-65535, not 'http'");
    assertThatThrownBy(() -> parse("--now", "tomorrow")).hasMessageContaining("ISO instant");
    assertThatThrownBy(() -> parse("backup")).hasMessageContaining("--to");
  }
}
