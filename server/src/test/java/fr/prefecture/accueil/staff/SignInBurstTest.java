package fr.prefecture.accueil.staff;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Hundreds of simultaneous sign-ins on loopback: at most the limit is ever checked, per account and per address. */
@ExtendWith(VertxExtension.class)
class SignInBurstTest {
  @TempDir
  Path dir;
  TestServer server;
  WebClient burst;

  @BeforeEach
  void start(Vertx vertx) {
    server = TestServer.start(vertx, dir, Instant.parse("2026-03-30T07:00:00Z"));
    burst = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port()), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(400));
  }

  @AfterEach
  void stop() {
    burst.close();
    server.close();
  }

  private List<Integer> all(int n, IntFunction<JsonObject> body) {
    List<Future<Integer>> sent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sent.add(burst.post("/api/session").sendJsonObject(body.apply(i)).map(r -> r.statusCode()));
    }
    return Future.all(sent).await().<Integer>list();
  }

  private long failuresAudited(String username) {
    JsonArray audit = server.get("admin", "/api/audit").bodyAsJsonArray();
    return audit.stream().map(JsonObject.class::cast)
        .filter(e -> "login.failed".equals(e.getString("action")) && username.equals(e.getString("target"))).count();
  }

  @Test
  void three_hundred_simultaneous_wrong_passwords_check_at_most_five_and_the_right_one_is_then_refused() {
    String password = server.createUser("victim", "guard");
    List<Integer> answers = all(300, i -> new JsonObject().put("username", "victim").put("password", "guess " + i));
    assertThat(answers.stream().filter(s -> s == 401).count()).isLessThanOrEqualTo(5);
    assertThat(answers).containsOnly(401, 429);
    assertThat(failuresAudited("victim")).isLessThanOrEqualTo(5);
    // One check at a time per account: the burst got fewer; the account takes the rest of its five, then no more.
    for (int i = 0; i < 10; i++) {
      server.login("victim", "one more guess " + i);
    }
    assertThat(failuresAudited("victim")).isEqualTo(5);
    assertThat(server.login("victim", password)).isEmpty();
  }

  @Test
  void a_burst_on_many_accounts_from_one_address_checks_at_most_thirty() {
    List<Integer> answers = all(300, i -> new JsonObject().put("username", "user" + i).put("password", "guess " + i));
    assertThat(answers.stream().filter(s -> s == 401).count()).isLessThanOrEqualTo(30);
    assertThat(answers).containsOnly(401, 429);
  }

  @Test
  void a_legitimate_sign_in_during_a_burst_answers_within_two_seconds() {
    String password = server.createUser("alice", "agent");
    server.createUser("victim", "guard");
    long alone = timed(() -> server.login("alice", password));
    List<Future<Integer>> sent = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      sent.add(burst.post("/api/session")
          .sendJsonObject(new JsonObject().put("username", "victim").put("password", "guess " + i))
          .map(r -> r.statusCode()));
    }
    // Alice is another machine: her client does not share the attacker's event loops.
    Vertx elsewhere = Vertx.vertx();
    WebClient alicesClient = WebClient.create(elsewhere, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port()));
    long start = System.nanoTime();
    int status = alicesClient.post("/api/session")
        .sendJsonObject(new JsonObject().put("username", "alice").put("password", password)).await().statusCode();
    long millis = (System.nanoTime() - start) / 1_000_000;
    elsewhere.close();
    Future.all(sent).await();
    assertThat(status).isEqualTo(200);
    System.out.println("sign-in alone: " + alone + " ms; during a burst of 300: " + millis + " ms");
    // 2 s on an idle machine; a loaded one (shared test machines) slows every hash, hence the allowance.
    assertThat(millis).isLessThan(2000 + 3 * alone);
  }

  private static long timed(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Seeded: random accounts, passwords and batch sizes; never more checks than the limits, never a 5xx. */
  @Test
  void seeded_fuzz_of_concurrent_sign_ins_never_checks_more_than_the_limits() {
    String password = server.createUser("bob", "agent");
    Random random = new Random(20261202L);
    String[] names = {"bob", "carol", "admin", "x", ""};
    int checkedFailures = 0;
    for (int round = 0; round < 8; round++) {
      List<Integer> answers = all(1 + random.nextInt(60), i -> {
        String name = names[random.nextInt(names.length)];
        return new JsonObject().put("username", name).put("password", random.nextBoolean() ? "wrong " + i : password);
      });
      assertThat(answers).allMatch(s -> s < 500);
      checkedFailures += (int) answers.stream().filter(s -> s == 401).count();
    }
    assertThat(checkedFailures).isLessThanOrEqualTo(30);
    // bob's right password restarts his count; nobody else's password is ever right.
    for (String name : List.of("carol", "admin", "x", "")) {
      assertThat(failuresAudited(name)).isLessThanOrEqualTo(5);
    }
  }
}
