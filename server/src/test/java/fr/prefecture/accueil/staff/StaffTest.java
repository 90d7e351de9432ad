package fr.prefecture.accueil.staff;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.auth.PasswordHasher;
import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Accounts, sessions, tokens and their audit; the tests share one server, each with accounts of its own. */
class StaffTest {
  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.at(Instant.parse("2026-03-30T07:00:00Z"));
  final TestServer server = SERVER.get();

  @Test
  void admin_from_the_environment_can_log_in_and_the_cookie_is_http_only_and_same_site() {
    HttpResponse<Buffer> response = server.client.post("/api/session")
        .sendJsonObject(new JsonObject().put("username", "admin").put("password", TestServer.ADMIN_PASSWORD)).await();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getString("role")).isEqualTo("admin");
    String cookie = response.cookies().get(0);
    assertThat(cookie).startsWith("accueil_session=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
  }

  @Test
  void wrong_password_and_unknown_user_get_the_same_401() {
    HttpResponse<Buffer> wrong = server.client.post("/api/session")
        .sendJsonObject(new JsonObject().put("username", "admin").put("password", "not-the-password")).await();
    HttpResponse<Buffer> unknown = server.client.post("/api/session")
        .sendJsonObject(new JsonObject().put("username", "nobody").put("password", "not-the-password")).await();
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(wrong.bodyAsJsonObject()).isEqualTo(unknown.bodyAsJsonObject());
  }

  @Test
  void a_session_reaches_the_api_until_logout() {
    String cookie = server.login("admin", TestServer.ADMIN_PASSWORD).orElseThrow();
    HttpResponse<Buffer> me = server.client.get("/api/session").putHeader("Cookie", cookie).send().await();
    assertThat(me.bodyAsJsonObject().getString("username")).isEqualTo("admin");
    server.client.delete("/api/session").putHeader("Cookie", cookie)
        .putHeader("Origin", server.baseUrl()).send().await();
    HttpResponse<Buffer> after = server.client.get("/api/session").putHeader("Cookie", cookie).send().await();
    assertThat(after.statusCode()).isEqualTo(401);
  }

  @Test
  void admin_creates_users_who_can_log_in_with_their_role_and_passwords_are_hashed() {
    HttpResponse<Buffer> created = server.post("admin", "/api/users",
        new JsonObject().put("username", "guard1").put("password", "correct horse battery").put("role", "guard"));
    assertThat(created.statusCode()).isEqualTo(201);
    String cookie = server.login("guard1", "correct horse battery").orElseThrow();
    HttpResponse<Buffer> forbidden = server.client.get("/api/appointments").putHeader("Cookie", cookie).send().await();
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.bodyAsJsonObject().getString("error")).isEqualTo("forbidden");

    HttpResponse<Buffer> users = server.get("admin", "/api/users");
    assertThat(users.bodyAsString()).doesNotContain("correct horse").doesNotContain("password");
  }

  @Test
  void weak_duplicate_and_malformed_users_are_refused() {
    assertThat(server.post("admin", "/api/users", new JsonObject().put("username", "short")
        .put("password", "tooshort").put("role", "agent")).bodyAsJsonObject().getString("error"))
        .isEqualTo("weak_password");
    assertThat(server.post("admin", "/api/users", new JsonObject().put("username", "x y")
        .put("password", "long enough password").put("role", "agent")).statusCode()).isEqualTo(400);
    assertThat(server.post("admin", "/api/users", new JsonObject().put("username", "agent7")
        .put("password", "long enough password").put("role", "boss")).statusCode()).isEqualTo(400);
    assertThat(server.post("admin", "/api/users", new JsonObject().put("username", "agent7")
        .put("password", "long enough password").put("role", "agent")).statusCode()).isEqualTo(201);
    assertThat(server.post("admin", "/api/users", new JsonObject().put("username", "agent7")
        .put("password", "long enough password").put("role", "agent")).statusCode()).isEqualTo(409);
  }

  @Test
  void tokens_act_with_their_role_and_stop_when_revoked() {
    HttpResponse<Buffer> created = server.post("admin", "/api/tokens",
        new JsonObject().put("name", "booking-tool").put("role", "manager"));
    assertThat(created.statusCode()).isEqualTo(201);
    String token = created.bodyAsJsonObject().getString("token");
    long id = created.bodyAsJsonObject().getLong("id");
    HttpResponse<Buffer> list = server.request(HttpMethod.GET, "/api/appointments", token).send().await();
    assertThat(list.statusCode()).isEqualTo(200);
    HttpResponse<Buffer> users = server.request(HttpMethod.GET, "/api/users", token).send().await();
    assertThat(users.statusCode()).isEqualTo(403);

    assertThat(server.as("admin", HttpMethod.DELETE, "/api/tokens/" + id, null).statusCode()).isEqualTo(200);
    HttpResponse<Buffer> after = server.request(HttpMethod.GET, "/api/appointments", token).send().await();
    assertThat(after.statusCode()).isEqualTo(401);
  }

  @Test
  void staff_lists_answer_camel_case_names_iso_instants_and_booleans() {
    server.post("admin", "/api/users", new JsonObject().put("username", "listed")
        .put("password", "long enough password").put("role", "agent"));
    long tokenId = server
        .post("admin", "/api/tokens", new JsonObject().put("name", "revoked-tool").put("role", "agent"))
        .bodyAsJsonObject().getLong("id");
    server.post("admin", "/api/tokens", new JsonObject().put("name", "live-tool").put("role", "manager"));
    server.as("admin", HttpMethod.DELETE, "/api/tokens/" + tokenId, null);
    server.post("admin", "/api/users/listed/disable", null);

    JsonObject user = server.get("admin", "/api/users").bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(u -> u.getString("username").equals("listed")).findFirst().orElseThrow();
    assertThat(user.fieldNames()).containsExactlyInAnyOrder("id", "username", "role", "disabled", "createdAt");
    assertThat(user.getValue("disabled")).isEqualTo(true);
    assertThat(user.getString("role")).isEqualTo("agent");
    assertThat(Instant.parse(user.getString("createdAt"))).isBetween(Instant.parse("2026-03-30T07:00:00Z"),
        Instant.parse("2026-03-30T08:00:00Z"));

    var tokens = server.get("admin", "/api/tokens").bodyAsJsonArray().stream().map(JsonObject.class::cast).toList();
    JsonObject revoked = tokens.stream().filter(t -> t.getString("name").equals("revoked-tool")).findFirst()
        .orElseThrow();
    JsonObject live = tokens.stream().filter(t -> t.getString("name").equals("live-tool")).findFirst().orElseThrow();
    assertThat(revoked.fieldNames()).containsExactlyInAnyOrder("id", "name", "role", "createdAt", "revokedAt");
    assertThat(Instant.parse(revoked.getString("revokedAt")))
        .isAfterOrEqualTo(Instant.parse(revoked.getString("createdAt")));
    assertThat(live.containsKey("revokedAt")).isTrue();
    assertThat(live.getValue("revokedAt")).isNull();
    assertThat(live.getString("role")).isEqualTo("manager");

    server.login("admin", TestServer.ADMIN_PASSWORD).orElseThrow();
    JsonObject session = server.get("admin", "/api/sessions").bodyAsJsonArray().stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("username").equals("admin")).findFirst().orElseThrow();
    assertThat(session.fieldNames()).containsExactlyInAnyOrder("id", "username", "role", "createdAt", "lastSeen");
    assertThat(session.getString("username")).isEqualTo("admin");
    assertThat(Instant.parse(session.getString("lastSeen")))
        .isAfterOrEqualTo(Instant.parse(session.getString("createdAt")));
    assertThat(session.getString("id")).hasSize(16);
  }

  @Test
  void garbage_credentials_are_401_never_500() {
    assertThat(server.client.get("/api/services").putHeader("Authorization", "Basic abc").send().await().statusCode())
        .isEqualTo(401);
    assertThat(server.client.get("/api/services").putHeader("Authorization", "Bearer ").send().await().statusCode())
        .isEqualTo(401);
    assertThat(server.client.get("/api/services").putHeader("Cookie", "accueil_session=forged").send().await()
        .statusCode()).isEqualTo(401);
  }

  @Test
  void password_guessing_is_throttled_after_five_failures_even_with_the_right_password() {
    // An account of its own: the admin's, which the other tests sign in with, stays open.
    String password = server.createUser("guessed", "agent");
    for (int i = 0; i < 5; i++) {
      assertThat(server.login("guessed", "guess number " + i)).isEmpty();
    }
    HttpResponse<Buffer> blocked = server.client.post("/api/session")
        .sendJsonObject(new JsonObject().put("username", "guessed").put("password", password)).await();
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.bodyAsJsonObject().getString("error")).isEqualTo("too_many_attempts");
    assertThat(blocked.getHeader("Retry-After")).isEqualTo("900");
  }

  @Test
  void cookie_sessions_need_a_same_origin_request_to_change_state() {
    String cookie = server.login("admin", TestServer.ADMIN_PASSWORD).orElseThrow();
    JsonObject user = new JsonObject().put("username", "csrf1").put("password", "long enough password").put("role",
        "agent");
    HttpResponse<Buffer> noOrigin = server.client.post("/api/users").putHeader("Cookie", cookie).sendJsonObject(user)
        .await();
    assertThat(noOrigin.statusCode()).isEqualTo(403);
    assertThat(noOrigin.bodyAsJsonObject().getString("error")).isEqualTo("csrf");
    HttpResponse<Buffer> foreign = server.client.post("/api/users").putHeader("Cookie", cookie)
        .putHeader("Origin", "https://evil.example").sendJsonObject(user).await();
    assertThat(foreign.statusCode()).isEqualTo(403);
    HttpResponse<Buffer> ours = server.client.post("/api/users").putHeader("Cookie", cookie)
        .putHeader("Origin", server.baseUrl()).sendJsonObject(user).await();
    assertThat(ours.statusCode()).isEqualTo(201);
    HttpResponse<Buffer> read = server.client.get("/api/users").putHeader("Cookie", cookie).send().await();
    assertThat(read.statusCode()).isEqualTo(200);
  }

  @Test
  void logins_and_account_changes_are_in_the_audit_trail_and_admins_can_end_sessions() {
    server.login("admin", "wrong password here");
    String cookie = server.login("admin", TestServer.ADMIN_PASSWORD).orElseThrow();
    server.post("admin", "/api/users", new JsonObject().put("username", "audited")
        .put("password", "long enough password").put("role", "guard"));
    var audit = server.get("admin", "/api/audit").bodyAsJsonArray();
    assertThat(audit).extracting(o -> ((JsonObject) o).getString("action"))
        .contains("login.failed", "login", "account.created", "token.created");
    assertThat(server.get("manager", "/api/audit").statusCode()).isEqualTo(403);

    var sessions = server.get("admin", "/api/sessions").bodyAsJsonArray();
    assertThat(sessions).isNotEmpty();
    for (Object session : sessions) {
      String id = ((JsonObject) session).getString("id");
      assertThat(server.as("admin", HttpMethod.DELETE, "/api/sessions/" + id, null).statusCode()).isEqualTo(200);
    }
    assertThat(server.client.get("/api/session").putHeader("Cookie", cookie).send().await().statusCode())
        .isEqualTo(401);
  }

  @Test
  void an_admin_disables_an_account_at_once_enables_it_again_and_resets_its_password() {
    server.post("admin", "/api/users", new JsonObject().put("username", "leaving")
        .put("password", "long enough password").put("role", "agent"));
    String cookie = server.login("leaving", "long enough password").orElseThrow();

    assertThat(server.post("admin", "/api/users/leaving/disable", null).statusCode()).isEqualTo(200);
    assertThat(server.client.get("/api/session").putHeader("Cookie", cookie).send().await().statusCode())
        .as("the open session ends at once").isEqualTo(401);
    assertThat(server.login("leaving", "long enough password")).isEmpty();

    assertThat(server.post("admin", "/api/users/leaving/enable", null).statusCode()).isEqualTo(200);
    assertThat(server.login("leaving", "long enough password")).isPresent();

    assertThat(server.as("admin", HttpMethod.PUT, "/api/users/leaving/password",
        new JsonObject().put("password", "a brand new password")).statusCode()).isEqualTo(200);
    assertThat(server.login("leaving", "long enough password")).isEmpty();
    assertThat(server.login("leaving", "a brand new password")).isPresent();
    assertThat(server.as("admin", HttpMethod.PUT, "/api/users/leaving/password",
        new JsonObject().put("password", "short")).statusCode()).isEqualTo(400);

    assertThat(server.post("admin", "/api/users/nobody/disable", null).statusCode()).isEqualTo(404);
    String admin = server.login("admin", TestServer.ADMIN_PASSWORD).orElseThrow();
    assertThat(server.client.post("/api/users/admin/disable").putHeader("Cookie", admin)
        .putHeader("Origin", server.baseUrl()).send().await().statusCode()).as("not one's own account").isEqualTo(409);
    assertThat(server.get("admin", "/api/audit").bodyAsJsonArray())
        .extracting(o -> ((JsonObject) o).getString("action"))
        .contains("account.disabled", "account.enabled", "account.password");
  }

  @Test
  void password_hashes_are_argon2id_and_verify() {
    PasswordHasher hasher = new PasswordHasher();
    String hash = hasher.hash("un mot de passe");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(hasher.verify("un mot de passe", hash)).isTrue();
    assertThat(hasher.verify("un mot de passf", hash)).isFalse();
    assertThat(hasher.hash("un mot de passe")).isNotEqualTo(hash);
    assertThat(hasher.verify("x", "garbage")).isFalse();
  }
}
