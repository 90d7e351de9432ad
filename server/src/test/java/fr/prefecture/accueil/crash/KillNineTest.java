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
 * random moment; every write it acknowledged must be in the store when it comes back.
 */
class KillNineTest {
  @TempDir
  Path dir;

  @Test
  void every_acknowledged_appointment_survives_a_kill_minus_nine_under_load() throws Exception {
    Random random = new Random(9);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    for (int round = 0; round < 3; round++) {
      try (ServerProcess server = ServerProcess.start(dir, "2026-03-28T08:00:00Z")) {
        String token = server.token("manager");
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        int r = round;
        for (int c = 0; c < 8; c++) {
          int client = c;
          clients.submit(() -> {
            for (int i = 0; running.get(); i++) {
              String reference = "K-" + r + "-" + client + "-" + i;
              String body = "{\"service\":\"titres\",\"start\":\"2026-03-30T09:00\",\"reference\":\"" + reference
                  + "\",\"visitor\":{\"name\":\"Charge " + reference + "\"}}";
              try {
                HttpResponse<String> response = server.http.send(HttpRequest.newBuilder(server.uri("/api/appointments"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                  acknowledged.add(reference);
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
    Set<String> stored = new HashSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("accueil.db"));
         ResultSet rows = c.createStatement().executeQuery("SELECT reference FROM appointments")) {
      while (rows.next()) {
        stored.add(rows.getString(1));
      }
    }
    assertThat(acknowledged).hasSizeGreaterThan(30);
    assertThat(stored).containsAll(acknowledged);
  }

  @Test
  void every_acknowledged_scan_survives_a_kill_minus_nine_at_the_gate() throws Exception {
    Random random = new Random(10);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    String code;
    try (ServerProcess server = ServerProcess.start(dir, "2026-03-30T06:50:00Z")) {
      String manager = server.token("manager");
      HttpResponse<String> created = server.http.send(HttpRequest.newBuilder(server.uri("/api/appointments"))
          .header("Authorization", "Bearer " + manager).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"service\":\"titres\",\"start\":\"2026-03-30T09:00\","
              + "\"visitor\":{\"name\":\"Visiteur\"}}")).build(), HttpResponse.BodyHandlers.ofString());
      String id = created.body().replaceAll(".*\"id\":(\\d+).*", "$1");
      HttpResponse<String> convocation = server.http.send(HttpRequest.newBuilder(
          server.uri("/api/appointments/" + id + "/convocation")).header("Authorization", "Bearer " + manager).build(),
          HttpResponse.BodyHandlers.ofString());
      code = convocation.body().replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");
    }
    for (int round = 0; round < 3; round++) {
      try (ServerProcess server = ServerProcess.start(dir, "2026-03-30T06:50:00Z")) {
        String token = server.token("guard");
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        int r = round;
        for (int c = 0; c < 8; c++) {
          int client = c;
          clients.submit(() -> {
            for (int i = 0; running.get(); i++) {
              String scanId = "S-" + r + "-" + client + "-" + i;
              String body = "{\"code\":\"" + code + "\",\"gate\":\"guerite-nord\",\"direction\":\""
                  + (i % 2 == 0 ? "in" : "out") + "\",\"scanId\":\"" + scanId + "\"}";
              try {
                HttpResponse<String> response = server.http.send(HttpRequest.newBuilder(server.uri("/api/kiosk/scan"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                  acknowledged.add(scanId);
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
    Set<String> stored = new HashSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("accueil.db"));
         ResultSet rows = c.createStatement().executeQuery("SELECT scan_id FROM scans")) {
      while (rows.next()) {
        stored.add(rows.getString(1));
      }
    }
    assertThat(acknowledged).hasSizeGreaterThan(30);
    assertThat(stored).containsAll(acknowledged);
  }
}
