package fr.prefecture.accueil.screen;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The screen pages as first served: the shell the script expects, each layout in both languages. */
@ExtendWith(VertxExtension.class)
class ScreenPageTest {
  @TempDir
  Path dir;

  @Test
  void every_configured_screen_page_renders_its_layouts_in_french_and_english(Vertx vertx) {
    try (TestServer server = TestServer.startWithOpenScreens(vertx, dir, Instant.parse("2026-03-30T08:00:00Z"))) {
      for (String id : new String[]{"hall-a-entree", "hall-a-appels", "attente-etrangers", "annexe-b"}) {
        HttpResponse<Buffer> page = server.client.get("/screens/" + id).send().await();
        assertThat(page.statusCode()).as(id).isEqualTo(200);
        assertThat(page.bodyAsString()).as(id).contains("data-screen-id=\"" + id + "\"",
            "<script type=\"module\" src=\"/static/signage/screen.js\"></script>", "lang=\"fr\"", "lang=\"en\"");
      }
    }
  }
}
