package fr.prefecture.accueil.staff;

import static fr.prefecture.accueil.http.JsonInput.string;

import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Attempts;
import fr.prefecture.accueil.auth.Caller;
import fr.prefecture.accueil.auth.PasswordChecks;
import fr.prefecture.accueil.auth.PasswordHasher;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.auth.Secrets;
import fr.prefecture.accueil.events.Events;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.ClientAddress;
import fr.prefecture.accueil.http.JsonInput;
import fr.prefecture.accueil.http.Limits;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Login sessions, staff accounts and API tokens.
 *
 * @param decoyHash a real hash of nothing, verified for unknown users so that timing does not reveal accounts
 */
record StaffApi(StaffRepository staff, PasswordChecks passwords, Clock clock, AuditLog audit, Attempts attempts,
    Attempts.Limit throttle, String decoyHash, EventBus bus) {
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  static final int MIN_PASSWORD = 12;
  private static final int MAX_PASSWORD = 256;

  /** Hashes the decoy: slow, so built off the event loop. */
  StaffApi(StaffRepository staff, PasswordHasher hasher, PasswordChecks passwords, Clock clock, AuditLog audit,
      Attempts attempts, Limits limits, EventBus bus) {
    this(staff, passwords, clock, audit, attempts, new Attempts.Limit(Attempts.SIGN_IN,
        limits.signInFailuresPerAccount(), limits.signInFailuresPerAddress(), limits.signInWindow()),
        hasher.hash(Secrets.random("")), bus);
  }

  /** Tells the other parts that sessions of this account ended (its screen previews close). */
  private void ended(String username) {
    bus.publish(Events.SESSIONS, new JsonObject().put("username", username));
  }

  void mount(Routes routes) {
    routes.open().post("/session").respond(this::login);
    routes.any().delete("/session").respond(this::logout);
    routes.any().get("/session").respond(this::whoAmI);
    routes.with(Role.ADMIN).post("/users").respond(this::createUser);
    routes.with(Role.ADMIN).get("/users").respond(ctx -> staff.listAccounts().map(list -> json(list, StaffApi::json)));
    routes.with(Role.ADMIN).post("/users/:username/disable").respond(ctx -> setDisabled(ctx, true));
    routes.with(Role.ADMIN).post("/users/:username/enable").respond(ctx -> setDisabled(ctx, false));
    routes.with(Role.ADMIN).put("/users/:username/password").respond(this::resetPassword);
    routes.with(Role.ADMIN).post("/tokens").respond(this::createToken);
    routes.with(Role.ADMIN).get("/tokens").respond(ctx -> staff.listTokens().map(list -> json(list, StaffApi::json)));
    routes.with(Role.ADMIN).delete("/tokens/:id").respond(this::revokeToken);
    routes.with(Role.ADMIN).get("/sessions")
        .respond(ctx -> staff.listSessions().map(list -> json(list, StaffApi::json)));
    routes.with(Role.ADMIN).delete("/sessions/:id").respond(this::endSession);
  }

  Future<JsonObject> login(RoutingContext ctx) {
    if (ctx.request().getHeader("Origin") != null && !Access.sameOrigin(ctx)) {
      throw new ApiException(403, "csrf", "Cross-site sign-in refused");
    }
    JsonObject body = JsonInput.object(ctx);
    String username = string(body, "username").toLowerCase();
    String password = rawPassword(body);
    String ip = ClientAddress.of(ctx);
    // The attempt is counted before the slow check, so a burst gets no more checks than the limit.
    return attempts.within(throttle, username, ip, attempt -> staff.findByUsername(username)
        .compose(found -> passwords.verify(password, found.map(StaffRepository.Account::passwordHash)
            .orElse(decoyHash))
            .map(ok -> ok && found.isPresent() && !found.get().disabled() ? found
                : Optional.<StaffRepository.Account>empty()))
        .recover(busy -> attempts.release(attempt).compose(v -> Future.failedFuture(busy)))
        .compose(account -> account.isEmpty() ? refuse(username, ip)
            : signIn(ctx, account.get(), ip).compose(json -> attempts.succeeded(attempt).map(json))))
        .map(signedIn -> signedIn.orElseThrow(() -> {
          ctx.response().putHeader("Retry-After", String.valueOf(throttle.window().toSeconds()));
          return new ApiException(429, "too_many_attempts", "Too many failed sign-ins; try again in "
              + throttle.window().toMinutes() + " minutes or ask an administrator");
        }));
  }

  private Future<JsonObject> refuse(String username, String ip) {
    return audit.record(null, "login.failed", username, null, ip).compose(
        v -> Future.failedFuture(new ApiException(401, "invalid_credentials", "Wrong username or password")));
  }

  private Future<JsonObject> signIn(RoutingContext ctx, StaffRepository.Account account, String ip) {
    String sessionId = Secrets.random("s_");
    return staff.createSession(Secrets.hash(sessionId), account.id(), clock.millis())
        .compose(v -> audit.record(account.username(), "login", account.username(), null, ip))
        .map(v -> {
          ctx.response().addCookie(sessionCookie(ctx, sessionId));
          return new JsonObject().put("username", account.username()).put("role", account.role().code());
        });
  }

  Future<JsonObject> logout(RoutingContext ctx) {
    if (!Access.sameOrigin(ctx) && ctx.request().getHeader("Authorization") == null) {
      throw new ApiException(403, "csrf", "Cross-site request refused: send it from the Accueil pages");
    }
    Cookie cookie = ctx.request().getCookie(Access.COOKIE);
    Future<Void> done = cookie == null ? Future.succeededFuture()
        : staff.deleteSession(Secrets.hash(cookie.getValue()));
    return done.map(v -> {
      Caller caller = Access.caller(ctx);
      if (cookie != null && caller.staffId() != null) {
        ended(caller.name());
      }
      ctx.response().addCookie(sessionCookie(ctx, "").setMaxAge(0));
      return new JsonObject().put("loggedOut", true);
    });
  }

  Future<JsonObject> whoAmI(RoutingContext ctx) {
    Caller caller = Access.caller(ctx);
    return Future.succeededFuture(new JsonObject().put("username", caller.name()).put("role", caller.role().code()));
  }

  Future<JsonObject> createUser(RoutingContext ctx) {
    JsonObject body = JsonInput.object(ctx);
    String username = string(body, "username").toLowerCase();
    if (!USERNAME.matcher(username).matches()) {
      throw ApiException.badRequest("invalid_field",
          "Field 'username' must be 2 to 64 lower-case letters, digits, dots, dashes or underscores");
    }
    String password = rawPassword(body);
    checkStrength(password);
    Role role = role(body);
    return passwords.hash(password)
        .compose(hash -> staff.createAccount(username, hash, role, clock.millis()))
        .compose(id -> audit.record(ctx, "account.created", username, "role " + role.code()).map(id))
        .map(id -> {
          ctx.response().setStatusCode(201);
          return new JsonObject().put("id", id).put("username", username).put("role", role.code());
        });
  }

  Future<JsonObject> setDisabled(RoutingContext ctx, boolean disabled) {
    String username = ctx.pathParam("username");
    if (disabled && username.equals(Access.caller(ctx).name())) {
      throw ApiException.conflict("own_account", "You cannot disable your own account");
    }
    return staff.setDisabled(username, disabled).compose(found -> {
      if (!found) {
        return Future.failedFuture(ApiException.notFound("Account '" + username + "'"));
      }
      if (disabled) {
        ended(username);
      }
      return audit.record(ctx, disabled ? "account.disabled" : "account.enabled", username, null)
          .map(v -> new JsonObject().put("username", username).put("disabled", disabled));
    });
  }

  Future<JsonObject> resetPassword(RoutingContext ctx) {
    String username = ctx.pathParam("username");
    String password = rawPassword(JsonInput.object(ctx));
    checkStrength(password);
    return passwords.hash(password)
        .compose(hash -> staff.setPassword(username, hash))
        .compose(found -> {
          if (!found) {
            return Future.failedFuture(ApiException.notFound("Account '" + username + "'"));
          }
          ended(username);
          return audit.record(ctx, "account.password", username, "set by an administrator; sessions ended")
              .map(v -> new JsonObject().put("username", username).put("passwordChanged", true));
        });
  }

  Future<JsonObject> createToken(RoutingContext ctx) {
    JsonObject body = JsonInput.object(ctx);
    String name = string(body, "name");
    Role role = role(body);
    String token = Secrets.random("acc_");
    return staff.createToken(name, role, Secrets.hash(token), Access.caller(ctx).staffId(), clock.millis())
        .compose(id -> audit.record(ctx, "token.created", name, "id " + id + ", role " + role.code()).map(id))
        .map(id -> {
          ctx.response().setStatusCode(201);
          return new JsonObject().put("id", id).put("name", name).put("role", role.code()).put("token", token);
        });
  }

  Future<JsonObject> revokeToken(RoutingContext ctx) {
    long id = JsonInput.pathId(ctx, "id");
    return staff.revokeToken(id, clock.millis()).compose(done -> {
      if (!done) {
        return Future.failedFuture(ApiException.notFound("Token " + id));
      }
      return audit.record(ctx, "token.revoked", String.valueOf(id), null)
          .map(v -> new JsonObject().put("id", id).put("revoked", true));
    });
  }

  Future<JsonObject> endSession(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!id.matches("[0-9a-f]{16}")) {
      throw ApiException.badRequest("invalid_id", "A session id is 16 hexadecimal characters");
    }
    Future<Optional<String>> owner = staff.listSessions()
        .map(all -> all.stream().filter(s -> s.id().equals(id)).map(StaffRepository.SessionSummary::username)
            .findFirst());
    return owner
        .compose(username -> staff.deleteSessionById(id).map(done -> done ? username : Optional.<String>empty()))
        .compose(username -> {
          if (username.isEmpty()) {
            return Future.failedFuture(ApiException.notFound("Session " + id));
          }
          ended(username.get());
          return audit.record(ctx, "session.ended", id, null)
              .map(v -> new JsonObject().put("id", id).put("ended", true));
        });
  }

  private static String rawPassword(JsonObject body) {
    Object v = body.getValue("password");
    if (v == null) {
      throw ApiException.badRequest("missing_field", "Field 'password' is required");
    }
    if (!(v instanceof String s)) {
      throw ApiException.badRequest("invalid_field", "Field 'password' must be a string");
    }
    if (s.length() > MAX_PASSWORD) {
      throw ApiException.badRequest("invalid_field", "Field 'password' is too long");
    }
    return s;
  }

  static void checkStrength(String password) {
    if (password.codePointCount(0, password.length()) < MIN_PASSWORD) {
      throw ApiException.badRequest("weak_password", "A password needs at least " + MIN_PASSWORD + " characters");
    }
  }

  private static Role role(JsonObject body) {
    String code = string(body, "role");
    return Role.parse(code).orElseThrow(() -> ApiException.badRequest("invalid_field",
        "Field 'role' must be one of admin, manager, agent, guard"));
  }

  private static <T> JsonArray json(List<T> list, Function<T, JsonObject> mapper) {
    return new JsonArray(list.stream().map(mapper).toList());
  }

  static JsonObject json(StaffRepository.AccountSummary a) {
    return new JsonObject().put("id", a.id()).put("username", a.username()).put("role", a.role().code())
        .put("disabled", a.disabled()).put("createdAt", a.createdAt().toString());
  }

  static JsonObject json(StaffRepository.TokenSummary t) {
    return new JsonObject().put("id", t.id()).put("name", t.name()).put("role", t.role().code())
        .put("createdAt", t.createdAt().toString()).put("revokedAt", t.revokedAt().map(Instant::toString).orElse(null));
  }

  static JsonObject json(StaffRepository.SessionSummary s) {
    return new JsonObject().put("id", s.id()).put("username", s.username()).put("role", s.role().code())
        .put("createdAt", s.createdAt().toString()).put("lastSeen", s.lastSeen().toString());
  }

  static Cookie sessionCookie(RoutingContext ctx, String value) {
    boolean https = ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
    return Cookie.cookie(Access.COOKIE, value).setPath("/").setHttpOnly(true)
        .setSameSite(CookieSameSite.STRICT).setSecure(https);
  }
}
