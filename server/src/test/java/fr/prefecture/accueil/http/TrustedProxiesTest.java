package fr.prefecture.accueil.http;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * X-Forwarded-For gives the client's address only when a trusted reverse proxy sends it: the sign-in throttle
 * per address and the audit trail then see the visitor behind the proxy; from anyone else the header is ignored,
 * so a client cannot pick a fresh address for each guess.
 */
class TrustedProxiesTest {
  private static final Instant NOW = Instant.parse("2026-03-30T07:00:00Z");

  @RegisterExtension
  static final ServerPerClass DIRECT = ServerPerClass.at(NOW);

  @RegisterExtension
  static final ServerPerClass BEHIND_PROXY = ServerPerClass.withSettings(NOW,
      "trustedProxies: [\"127.0.0.1\", \"10.0.0.2\"]");

  private static int signIn(TestServer server, String forwardedFor, int i) {
    return server.client.post("/api/session").putHeader("X-Forwarded-For", forwardedFor)
        .sendJsonObject(new JsonObject().put("username", "nobody" + i).put("password", "guess " + i)).await()
        .statusCode();
  }

  @Test
  void from_a_client_that_is_not_a_trusted_proxy_the_header_is_ignored() {
    for (int i = 0; i < 30; i++) {
      assertThat(signIn(DIRECT.get(), "198.51.100." + i, i)).isEqualTo(401);
    }
    assertThat(signIn(DIRECT.get(), "198.51.100.99", 99)).as("a 31st failure from 127.0.0.1").isEqualTo(429);
  }

  @Test
  void behind_a_trusted_proxy_each_visitor_has_their_own_count_and_their_address_in_the_audit() {
    TestServer server = BEHIND_PROXY.get();
    for (int i = 0; i < 30; i++) {
      assertThat(signIn(server, "203.0.113.5", i)).isEqualTo(401);
    }
    assertThat(signIn(server, "203.0.113.5", 30)).isEqualTo(429);
    // The right-most address no trusted proxy wrote: what the client put in front does not count.
    assertThat(signIn(server, "198.51.100.7, 203.0.113.5", 31)).isEqualTo(429);
    assertThat(signIn(server, "203.0.113.5, 10.0.0.2", 32)).as("through two trusted proxies").isEqualTo(429);
    assertThat(signIn(server, "203.0.113.6", 33)).as("another visitor behind the proxy").isEqualTo(401);
    assertThat(signIn(server, "not-an-address", 34)).as("garbage: the proxy's own address").isEqualTo(401);
    JsonArray audit = server.get("admin", "/api/audit?from=2026-03-30").bodyAsJsonArray();
    assertThat(audit.stream().map(JsonObject.class::cast).map(e -> e.getString("ip")))
        .contains("203.0.113.5", "203.0.113.6", "127.0.0.1");
  }

  @Test
  void only_ip_literals_are_addresses_and_no_name_is_resolved() {
    assertThat(ClientAddress.literal("10.0.0.2")).contains("10.0.0.2");
    assertThat(ClientAddress.literal("[0:0:0:0:0:0:0:1]")).contains("::1");
    assertThat(ClientAddress.literal("proxy.example")).isEmpty();
  }
}
