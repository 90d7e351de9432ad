package fr.prefecture.accueil.crash;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.ServerProcess;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged writes survive kill -9: a real server process under concurrent load is killed at a
 * random moment, three times; every write it acknowledged must be in the store when it comes back.
 */
class KillNineTest {
  static final int CLIENTS = 8;
  static final int ROUNDS = 3;

  @TempDir
  Path dir;

  /** One write: its id, the route, the JSON body, and the status that acknowledges it. */
  record Write(String id, String path, String body, int acknowledgedBy) {}

  interface Load {
    Write write(int round, int client, int i);
  }

  @Test
  void every_acknowledged_appointment_survives_a_kill_minus_nine_under_load() throws Exception {
    Set<String> acknowledged = killUnderLoad(new Random(9), "2026-03-28T08:00:00Z", "manager", (r, c, i) -> {
      String reference = "K-" + r + "-" + c + "-" + i;
      return new Write(reference, "/api/appointments", "{\"service\":\"titres\",\"start\":\"2026-03-30T09:00\","
          + "\"reference\":\"" + reference + "\",\"visitor\":{\"name\":\"Charge " + reference + "\"}}", 201);
    });
    assertThat(acknowledged).as("writes acknowledged under load").hasSizeGreaterThan(10);
    assertThat(stored("SELECT reference FROM appointments")).containsAll(acknowledged);
  }

  @Test
  void every_acknowledged_scan_survives_a_kill_minus_nine_at_the_gate() throws Exception {
    String code;
    try (ServerProcess server = ServerProcess.start(dir, "2026-03-30T06:50:00Z")) {
      String manager = server.token("manager");
      String created = send(server, manager, "/api/appointments",
          "{\"service\":\"titres\",\"start\":\"2026-03-30T09:00\",\"visitor\":{\"name\":\"Visiteur\"}}").body();
      String id = created.replaceAll(".*\"id\":(\\d+).*", "$1");
      HttpResponse<String> convocation = server.http.send(HttpRequest.newBuilder(
          server.uri("/api/appointments/" + id + "/convocation")).header("Authorization", "Bearer " + manager).build(),
          HttpResponse.BodyHandlers.ofString());
      code = convocation.body().replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");
    }
    Set<String> acknowledged = killUnderLoad(new Random(10), "2026-03-30T06:50:00Z", "guard", (r, c, i) -> {
      String scanId = "S-" + r + "-" + c + "-" + i;
      return new Write(scanId, "/api/kiosk/scan",
          "{\"code\":\"" + code + "\",\"gate\":\"guerite-nord\",\"direction\":\""
              + (i % 2 == 0 ? "in" : "out") + "\",\"scanId\":\"" + scanId + "\"}",
          200);
    });
    assertThat(acknowledged).as("writes acknowledged under load").hasSizeGreaterThan(10);
    assertThat(stored("SELECT scan_id FROM scans")).containsAll(acknowledged);
  }

  /** Starts the server ROUNDS times, loads it from CLIENTS threads and kills it; returns what it acknowledged. */
  private Set<String> killUnderLoad(Random random, String now, String role, Load load) throws Exception {
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    for (int round = 0; round < ROUNDS; round++) {
      try (ServerProcess server = ServerProcess.start(dir, now)) {
        String token = server.token(role);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        int r = round;
        for (int c = 0; c < CLIENTS; c++) {
          int client = c;
          clients.submit(() -> {
            for (int i = 0; running.get(); i++) {
              Write write = load.write(r, client, i);
              try {
                if (send(server, token, write.path(), write.body()).statusCode() == write.acknowledgedBy()) {
                  acknowledged.add(write.id());
                }
              } catch (Exception connectionLost) {
                return null;
              }
            }
            return null;
          });
        }
        Thread.sleep(400 + random.nextInt(1200));
        server.kill();
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      }
    }
    return acknowledged;
  }

  private static HttpResponse<String> send(ServerProcess server, String token, String path, String body)
      throws Exception {
    return server.http.send(HttpRequest.newBuilder(server.uri(path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private Set<String> stored(String sql) throws Exception {
    Set<String> stored = new HashSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("accueil.db"));
        ResultSet rows = c.createStatement().executeQuery(sql)) {
      while (rows.next()) {
        stored.add(rows.getString(1));
      }
    }
    return stored;
  }
}
