package fr.prefecture.accueil.operations;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.SseStream;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The managers' live view over HTTP: a full state on connect, a new one within a second of an admission at the gate
 * and of a call, thresholds crossed flagged, and only managers and admins let in. Each test keeps to its own service.
 */
class OperationsStreamTest {
  /** Monday 30 March 2026, 09:00 in Paris. */
  static final Instant NINE = Instant.parse("2026-03-30T07:00:00Z");
  static final Duration LIVE = Duration.ofSeconds(1);

  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.at(NINE);

  Vertx vertx;
  HttpClient http;

  @BeforeEach
  void client() {
    vertx = SERVER.get().vertx;
    http = vertx.createHttpClient();
  }

  @AfterEach
  void close() {
    http.close().await();
  }

  SseStream stream(String role) {
    return SseStream.at(http, SERVER.get().port(), "/operations/events",
        Map.of("Authorization", "Bearer " + SERVER.get().token(role)));
  }

  static JsonObject service(SseStream.Event state, String code) {
    return state.json().getJsonArray("services").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("code").equals(code)).findFirst().orElseThrow();
  }

  /** The service in the first state in which it satisfies the condition. */
  static JsonObject until(SseStream stream, String code, Predicate<JsonObject> done) {
    while (true) {
      JsonObject service = service(stream.next("state"), code);
      if (done.test(service)) {
        return service;
      }
    }
  }

  static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }

  long book(String service, String start, String name) {
    HttpResponse<Buffer> r = SERVER.get().post("manager", "/api/appointments", new JsonObject().put("service", service)
        .put("start", start).put("visitor", new JsonObject().put("name", name)));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject().getLong("id");
  }

  @Test
  void the_waiting_count_changes_in_the_stream_within_a_second_of_an_admission_at_the_gate() {
    TestServer server = SERVER.get();
    long id = book("vehicules", "2026-03-30T09:10", "Ada Lovelace");
    String code = server.get("manager", "/api/appointments/" + id + "/convocation").bodyAsJsonObject()
        .getString("code");
    try (SseStream stream = stream("manager")) {
      JsonObject first = service(stream.next("state"), "vehicules");
      assertThat(first.getInteger("waiting")).isZero();
      assertThat(first.getValue("longestWaitMinutes")).isNull();
      assertThat(first.getValue("panPlacesLeft")).isNull();
      assertThat(first.getJsonObject("counters").getInteger("configured")).isEqualTo(2);

      long before = System.nanoTime();
      HttpResponse<Buffer> scan = server.post("guard", "/api/kiosk/scan", new JsonObject().put("code", code)
          .put("gate", "guerite-nord").put("direction", "in").put("scanId", UUID.randomUUID().toString()));
      assertThat(scan.bodyAsJsonObject().getString("decision")).as(scan.bodyAsString()).isEqualTo("admit");

      until(stream, "vehicules", s -> s.getInteger("waiting") == 1);
      assertThat(since(before)).isLessThan(LIVE);
    }
  }

  @Test
  void a_call_shows_in_the_calls_of_the_last_hour_and_the_busy_counters_within_a_second() {
    TestServer server = SERVER.get();
    assertThat(server.post("agent", "/api/queues/etrangers/tickets", null).statusCode()).isEqualTo(201);
    try (SseStream stream = stream("admin")) {
      until(stream, "etrangers", s -> s.getInteger("waiting") == 1);

      long before = System.nanoTime();
      assertThat(server.post("agent", "/api/counters/E2/call", null).statusCode()).isEqualTo(200);

      JsonObject now = until(stream, "etrangers", s -> s.getInteger("callsLastHour") == 1
          && s.getJsonObject("counters").getInteger("busy") == 1);
      assertThat(since(before)).isLessThan(LIVE);
      assertThat(now.getInteger("waiting")).isZero();
      assertThat(now.getJsonObject("counters").getInteger("open")).isEqualTo(1);
    }
  }

  @Test
  void a_wait_over_the_services_threshold_is_flagged_with_its_figure_and_limit() {
    TestServer server = SERVER.get();
    // a visitor of 08:00 admitted at 08:05 and not called yet: at 09:00 they have waited 55 min (titres: 45 at most)
    long id = book("titres", "2026-03-30T08:00", "Grace Hopper");
    Pool db = Database.open(vertx, server.dataDir.resolve("accueil.db"));
    try {
      db.preparedQuery("UPDATE appointments SET arrived_at = ? WHERE id = ?")
          .execute(Tuple.of(Instant.parse("2026-03-30T06:05:00Z").toEpochMilli(), id)).await();
    } finally {
      db.close().await();
    }
    try (SseStream stream = stream("manager")) {
      JsonObject titres = service(stream.next("state"), "titres");
      assertThat(titres.getInteger("longestWaitMinutes")).isBetween(55, 57);
      assertThat(titres.getJsonObject("thresholds").getMap()).containsEntry("waitMinutes", 45)
          .containsEntry("waiting", 30);
      assertThat(titres.getJsonArray("crossed")).hasSize(1);
      JsonObject crossed = titres.getJsonArray("crossed").getJsonObject(0);
      assertThat(crossed.getString("measure")).isEqualTo("waitMinutes");
      assertThat(crossed.getInteger("value")).isBetween(55, 57);
      assertThat(crossed.getInteger("limit")).isEqualTo(45);
      assertThat(titres.getString("code")).isEqualTo("titres");
    }
  }

  @Test
  void the_pan_services_tell_the_places_left_today() {
    JsonObject state = SERVER.get().get("manager", "/api/operations").bodyAsJsonObject();
    JsonObject pan = state.getJsonArray("services").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("code").equals("pan")).findFirst().orElseThrow();
    // 09:00–16:00 in 20-minute slots of 2 places: 21 slots, none over yet at 09:00
    assertThat(pan.getInteger("panPlacesLeft")).isEqualTo(42);
  }

  @Test
  void only_managers_and_admins_open_the_view_and_its_stream() {
    TestServer server = SERVER.get();
    for (String role : new String[]{"guard", "agent"}) {
      assertThat(server.get(role, "/operations/events").statusCode()).as(role).isEqualTo(403);
      assertThat(server.get(role, "/operations").statusCode()).as(role).isEqualTo(403);
      assertThat(server.get(role, "/api/operations").statusCode()).as(role).isEqualTo(403);
    }
    assertThat(server.get(null, "/operations/events").statusCode()).isEqualTo(401);
    assertThat(server.get(null, "/operations").statusCode()).isEqualTo(302);
    assertThat(server.get("manager", "/operations").statusCode()).isEqualTo(200);
    assertThat(server.get("manager", "/api/operations").statusCode()).isEqualTo(200);
  }
}
