package fr.prefecture.accueil.support;

import fr.prefecture.accueil.MainVerticle;
import fr.prefecture.accueil.Options;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real server in-process: the main verticle on a random port over a SQLite file in a temp
 * directory, with the shipped demo site configuration, and a client speaking to it over HTTP.
 */
public final class TestServer implements AutoCloseable {
  public static final String ADMIN_PASSWORD = "admin-password-for-tests";
  public static final Path CONFIG = Path.of("../config/accueil.yaml");

  public final Vertx vertx;
  public final Path dataDir;
  public final MainVerticle verticle;
  public final WebClient client;
  private final String deploymentId;
  private final Map<String, String> tokens = new HashMap<>();

  private TestServer(Vertx vertx, Path dataDir, MainVerticle verticle, String deploymentId) {
    this.vertx = vertx;
    this.dataDir = dataDir;
    this.verticle = verticle;
    this.deploymentId = deploymentId;
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(verticle.port()).setFollowRedirects(false));
  }

  public static TestServer start(Vertx vertx, Path dataDir, Instant now, String... extraArgs) {
    return start(vertx, dataDir, now, CONFIG, extraArgs);
  }

  public static TestServer start(Vertx vertx, Path dataDir, Instant now, Path config, String... extraArgs) {
    return start(vertx, dataDir, now, config, 0, extraArgs);
  }

  /** On a fixed port: a test that stops the server and starts it again at the same address. */
  public static TestServer start(Vertx vertx, Path dataDir, Instant now, Path config, int port, String... extraArgs) {
    List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--data", dataDir.toString(),
        "--config", config.toString(), "--now", now.toString()));
    args.addAll(List.of(extraArgs));
    Options options = Options.parse(args.toArray(String[]::new), Map.of("ACCUEIL_ADMIN_PASSWORD", ADMIN_PASSWORD));
    MainVerticle verticle = new MainVerticle(options);
    String id = vertx.deployVerticle(verticle).await();
    return new TestServer(vertx, dataDir, verticle, id);
  }

  /**
   * With {@code server.screensRequirePairing: false} (as a site that does not pair its screens): for the tests of
   * what the screens show, which open them without a paired device.
   */
  public static TestServer startWithOpenScreens(Vertx vertx, Path dataDir, Instant now, String... extraArgs) {
    return startWithSettings(vertx, dataDir, now, "screensRequirePairing: false", extraArgs);
  }

  /**
   * With the demo configuration and these lines added to its {@code server} section (YAML, one setting per line,
   * such as {@code "headerTimeoutSeconds: 1\nanonymousStreamsPerAddress: 3"}).
   */
  public static TestServer startWithSettings(Vertx vertx, Path dataDir, Instant now, String settings,
      String... extraArgs) {
    try {
      String yaml = java.nio.file.Files.readString(CONFIG);
      Path config = dataDir.resolveSibling(dataDir.getFileName() + "-settings.yaml");
      String lines = settings.lines().map(line -> "  " + line).collect(java.util.stream.Collectors.joining("\n"));
      java.nio.file.Files.writeString(config, yaml.replaceFirst("(?m)^server:\\s*$", "server:\n" + lines));
      return start(vertx, dataDir, now, config, extraArgs);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A free port on the loopback interface, for {@link #start(Vertx, Path, Instant, Path, int, String...)}. */
  public static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public int port() {
    return verticle.port();
  }

  public String baseUrl() {
    return "http://localhost:" + port();
  }

  /** An API token of the given role, created once through the admin API. */
  public String token(String role) {
    adminToken();
    if (role.equals("admin")) {
      return adminToken();
    }
    return tokens.computeIfAbsent(role, r -> {
      String admin = tokens.get("admin");
      HttpResponse<Buffer> response = request(HttpMethod.POST, "/api/tokens", admin)
          .sendJsonObject(new JsonObject().put("name", "test-" + r).put("role", r)).await();
      if (response.statusCode() != 201) {
        throw new IllegalStateException("cannot create token: " + response.bodyAsString());
      }
      return response.bodyAsJsonObject().getString("token");
    });
  }

  /**
   * A new API token of the given role under its own name (not cached): a caller distinct from the one of
   * {@link #token(String)}, for a test whose traces (throttling, audit) must not be another test's.
   */
  public String newToken(String name, String role) {
    HttpResponse<Buffer> response = request(HttpMethod.POST, "/api/tokens", adminToken())
        .sendJsonObject(new JsonObject().put("name", name).put("role", role)).await();
    if (response.statusCode() != 201) {
      throw new IllegalStateException("cannot create token: " + response.bodyAsString());
    }
    return response.bodyAsJsonObject().getString("token");
  }

  private String adminToken() {
    return tokens.computeIfAbsent("admin", r -> {
      String cookie = login("admin", ADMIN_PASSWORD).orElseThrow();
      HttpResponse<Buffer> response = client.post("/api/tokens").putHeader("Cookie", cookie)
          .putHeader("Origin", baseUrl())
          .sendJsonObject(new JsonObject().put("name", "test-admin").put("role", "admin")).await();
      return response.bodyAsJsonObject().getString("token");
    });
  }

  /** Logs in and returns the Cookie header value to send, if the credentials are right. */
  public Optional<String> login(String username, String password) {
    HttpResponse<Buffer> response = client.post("/api/session")
        .sendJsonObject(new JsonObject().put("username", username).put("password", password)).await();
    if (response.statusCode() != 200) {
      return Optional.empty();
    }
    return response.cookies().stream().filter(c -> c.startsWith("accueil_session="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst();
  }

  /** Creates a staff account with the given role and returns its password. */
  public String createUser(String username, String role) {
    String password = "password-of-" + username;
    HttpResponse<Buffer> response = as("admin", HttpMethod.POST, "/api/users", new JsonObject()
        .put("username", username).put("password", password).put("role", role));
    if (response.statusCode() != 201) {
      throw new IllegalStateException("cannot create user: " + response.bodyAsString());
    }
    return password;
  }

  public HttpRequest<Buffer> request(HttpMethod method, String uri, String token) {
    HttpRequest<Buffer> request = client.request(method, uri);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return request;
  }

  public HttpResponse<Buffer> as(String role, HttpMethod method, String uri, Object json) {
    HttpRequest<Buffer> request = request(method, uri, role == null ? null : token(role));
    if (json == null) {
      return request.send().await();
    }
    if (json instanceof JsonArray array) {
      return request.sendBuffer(array.toBuffer()).await();
    }
    if (json instanceof JsonObject object) {
      return request.sendJsonObject(object).await();
    }
    return request.sendBuffer(Buffer.buffer(json.toString())).await();
  }

  public HttpResponse<Buffer> get(String role, String uri) {
    return as(role, HttpMethod.GET, uri, null);
  }

  public HttpResponse<Buffer> post(String role, String uri, Object json) {
    return as(role, HttpMethod.POST, uri, json);
  }

  public HttpResponse<Buffer> postBytes(String role, String uri, String contentType, byte[] body) {
    return request(HttpMethod.POST, uri, role == null ? null : token(role))
        .putHeader("Content-Type", contentType).sendBuffer(Buffer.buffer(body)).await();
  }

  @Override
  public void close() {
    client.close();
    vertx.undeploy(deploymentId).await();
  }
}
