package fr.prefecture.accueil.http;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Visitors' names and the site's names are not trusted: on the convocation, the ticket and a chart they come out as
 * text, never as markup. The site here names a service and its room with a script and quotes.
 */
@ExtendWith(VertxExtension.class)
class UntrustedTextTest {
  static final String HOSTILE_SERVICE = "<script>alert(\"s\")</script> Titres d'O";
  static final String HOSTILE_ROOM = "<img src=x onerror=\"alert(1)\"> Salle";
  static final String HOSTILE_VISITOR = "<script>alert('v')</script> \"Nguyen\" O'Brien & fils";

  @TempDir
  Path dir;
  TestServer server;
  String cookie;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    String yaml = Files.readString(TestServer.CONFIG)
        .replace("fr: \"Titres d'identité (carte d'identité, passeport)\"", "fr: " + quoted(HOSTILE_SERVICE))
        .replace("fr: \"Guichets 1 à 3\"", "fr: " + quoted(HOSTILE_ROOM));
    assertThat(yaml).contains("onerror");
    Path config = dir.resolveSibling(dir.getFileName() + "-hostile.yaml");
    Files.writeString(config, yaml);
    server = TestServer.start(vertx, dir.resolve("data"), Instant.parse("2026-03-30T07:00:00Z"), config);
    cookie = server.login("admin", TestServer.ADMIN_PASSWORD).orElseThrow();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private String page(String uri) {
    var response = server.client.get(uri).putHeader("Cookie", cookie).send().await();
    assertThat(response.statusCode()).as(uri + " " + response.bodyAsString()).isEqualTo(200);
    return response.bodyAsString();
  }

  @Test
  void the_convocation_writes_the_visitor_and_the_service_as_text() {
    JsonObject body = new JsonObject().put("service", "titres").put("start", "2026-03-30T10:40")
        .put("visitor", new JsonObject().put("name", HOSTILE_VISITOR));
    long id = server.post("manager", "/api/appointments", body).bodyAsJsonObject().getLong("id");
    String html = page("/convocations/" + id);
    assertThat(html).containsPattern("src=\"data:image/png;base64,[A-Za-z0-9+/]+=*\" alt=")
        .contains("&lt;script&gt;alert(&#x27;v&#x27;)&lt;/script&gt; &quot;Nguyen&quot; O&#x27;Brien &amp; fils")
        .contains("&lt;script&gt;alert(&quot;s&quot;)&lt;/script&gt; Titres d&#x27;O")
        .contains("&lt;img src&#x3D;x onerror&#x3D;&quot;alert(1)&quot;&gt; Salle")
        .doesNotContain("<script>alert", "\"Nguyen\"", "<img src=x", "onerror=\"");
  }

  @Test
  void the_ticket_writes_the_service_and_the_room_as_text() {
    long id = server.post("agent", "/api/queues/titres/tickets", null).bodyAsJsonObject().getLong("id");
    String html = page("/tickets/" + id);
    assertThat(html).contains("&lt;script&gt;alert(&quot;s&quot;)&lt;/script&gt; Titres d&#x27;O")
        .contains("&lt;img src&#x3D;x onerror&#x3D;&quot;alert(1)&quot;&gt; Salle")
        .doesNotContain("<script>alert", "<img", "onerror=\"");
  }

  @Test
  void a_chart_writes_the_service_name_as_text() {
    long id = server.post("agent", "/api/queues/titres/tickets", null).bodyAsJsonObject().getLong("id");
    assertThat(server.post("agent", "/api/counters/T2/call", null).bodyAsJsonObject().getLong("id")).isEqualTo(id);
    assertThat(server.post("agent", "/api/tickets/" + id + "/served", null).statusCode()).isEqualTo(200);
    var svg = server.get("manager", "/api/indicators/charts/waiting.svg?from=2026-03-30&to=2026-03-30");
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.bodyAsString()).startsWith("<svg").endsWith("</svg>")
        .contains(">&lt;script&gt;alert(&quot;s&quot;)&lt;/script&gt; Titres d&#x27;O</text>")
        .doesNotContain("<script");
  }
}
