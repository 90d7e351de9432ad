package fr.prefecture.accueil.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.prefecture.accueil.support.Eventually;
import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.SseStream;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who holds a screen stream, and when it ends: anonymous streams (screens open without pairing) are capped per
 * address; a person's preview ends when their sessions do (sign-out, account disabled).
 */
class ScreenStreamOwnersTest {
  private static final String SCREEN = "hall-a-entree";

  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.withSettings(Instant.parse("2026-03-30T07:00:00Z"),
      "screensRequirePairing: false\nanonymousStreamsPerAddress: 3");

  private final List<SseStream> streams = new ArrayList<>();

  @AfterEach
  void close() {
    streams.forEach(SseStream::close);
  }

  private HttpClient client() {
    return SERVER.get().vertx.createHttpClient();
  }

  @Test
  void a_fourth_anonymous_stream_from_one_address_gets_429_and_a_closed_one_frees_its_place() {
    TestServer server = SERVER.get();
    HttpClient client = client();
    for (int i = 0; i < 3; i++) {
      streams.add(SseStream.open(client, server.port(), SCREEN, null));
    }
    assertThatThrownBy(() -> SseStream.open(client(), server.port(), SCREEN, null)).hasMessageContaining("429");
    streams.remove(0).close();
    streams.add(Eventually.until(() -> {
      try {
        return SseStream.open(client(), server.port(), SCREEN, null);
      } catch (IllegalStateException stillFull) {
        return null;
      }
    }, s -> s != null));
    assertThat(streams).hasSize(3);
  }

  @Test
  void a_preview_stream_ends_at_the_persons_sign_out_and_when_their_account_is_disabled() throws Exception {
    TestServer server = SERVER.get();
    String password = server.createUser("previewer", "manager");
    String first = server.login("previewer", password).orElseThrow();
    String second = server.login("previewer", password).orElseThrow();
    CompletableFuture<Void> endedBySignOut = preview(first);
    CompletableFuture<Void> endedByDisabling = preview(second);
    int signOut = server.client.delete("/api/session").putHeader("Cookie", first)
        .putHeader("Origin", server.baseUrl()).send().await().statusCode();
    assertThat(signOut).isEqualTo(200);
    endedBySignOut.get(3, TimeUnit.SECONDS);
    // The other session's preview was closed too; its browser reconnects and is let in again.
    endedByDisabling.get(3, TimeUnit.SECONDS);
    CompletableFuture<Void> reconnected = preview(second);
    assertThat(reconnected).isNotDone();
    assertThat(server.post("admin", "/api/users/previewer/disable", new JsonObject()).statusCode()).isEqualTo(200);
    reconnected.get(3, TimeUnit.SECONDS);
  }

  /** Opens a preview stream with this session; the future completes when the server ends it. */
  private CompletableFuture<Void> preview(String cookie) {
    CompletableFuture<Void> ended = new CompletableFuture<>();
    HttpClientResponse response = client().request(HttpMethod.GET, SERVER.get().port(), "localhost",
        "/screens/" + SCREEN + "/events?preview").await().putHeader("Cookie", cookie).send().await();
    assertThat(response.statusCode()).isEqualTo(200);
    response.handler(chunk -> {});
    response.endHandler(v -> ended.complete(null));
    response.exceptionHandler(e -> ended.complete(null));
    response.request().connection().closeHandler(v -> ended.complete(null));
    return ended;
  }
}
