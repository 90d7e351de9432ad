package fr.prefecture.accueil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's exit codes, from a real process: 0 for help, 2 for a usage error, 1 for a failure. */
class MainTest {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  private Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-cp", System.getProperty("java.class.path"), "fr.prefecture.accueil.Main"));
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("ACCUEIL_"));
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void help_prints_the_usage_and_exits_0() throws Exception {
    Run help = run("--help");
    assertThat(help.code()).isEqualTo(0);
    assertThat(help.out()).contains("Usage:", "--port", "backup", "generate-history");
  }

  @Test
  void a_usage_error_prints_the_message_then_the_usage_and_exits_2() throws Exception {
    Run badPort = run("--port", "eighty");
    assertThat(badPort.code()).isEqualTo(2);
    assertThat(badPort.err()).startsWith("accueil: --port needs a port number 0-65535, not 'eighty'")
        .contains("Usage:");
    Run noTarget = run("backup");
    assertThat(noTarget.code()).isEqualTo(2);
    assertThat(noTarget.err()).contains("--to").contains("Usage:");
  }

  @Test
  void a_failure_exits_1_with_the_reason() throws Exception {
    Path config = dir.resolve("typo.yaml");
    Files.writeString(config, Files.readString(Path.of("../config/accueil.yaml")).replace("dataDir:", "dataDri:"));
    Run typo = run("anonymise", "--config", config.toString(), "--data", dir.resolve("d").toString());
    assertThat(typo.code()).isEqualTo(1);
    assertThat(typo.err()).contains(config + ": server.dataDri: unknown key");
  }
}
