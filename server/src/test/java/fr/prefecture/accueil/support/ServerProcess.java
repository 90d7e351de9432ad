package fr.prefecture.accueil.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server in its own JVM (same classpath as the tests), so that a test can kill -9 it. */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)/");

  private final Process process;
  public final int port;
  public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static ServerProcess start(Path dataDir, String now) throws IOException {
    // C1 only, as the test JVMs: a server that lives a few seconds would spend them compiling with C2.
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), "fr.prefecture.accueil.Main",
        "--port", "0", "--data", dataDir.toString(), "--config", TestServer.CONFIG.toString()));
    if (now != null) {
      command.addAll(List.of("--now", now));
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("ACCUEIL_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
    // The test classpath logs warnings only (logback-test.xml); this reads the start line, an INFO.
    builder.environment().put("ACCUEIL_LOG_LEVEL", "INFO");
    Process process = builder.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "server-output");
        drain.setDaemon(true);
        drain.start();
        return new ServerProcess(process, Integer.parseInt(m.group(1)));
      }
    }
    process.destroyForcibly();
    throw new IOException("the server did not start:\n" + seen);
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** An API token of the given role, created through the admin session. */
  public String token(String role) throws IOException, InterruptedException {
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/api/session"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\""
            + TestServer.ADMIN_PASSWORD + "\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    String cookie = login.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
    HttpResponse<String> token = http.send(HttpRequest.newBuilder(uri("/api/tokens"))
        .header("Content-Type", "application/json").header("Cookie", cookie)
        .header("Origin", "http://localhost:" + port)
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"load-" + role + "\",\"role\":\"" + role + "\"}"))
        .build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(token.body());
    if (!m.find()) {
      throw new IOException("no token: " + token.body());
    }
    return m.group(1);
  }

  /** SIGKILL: no shutdown hook, no flush, no close. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
