package fr.prefecture.accueil.screen;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.support.ServerPerClass;
import fr.prefecture.accueil.support.SseStream;
import fr.prefecture.accueil.support.TestServer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The calls strip beside every screen's slides, as the server renders it from the store: each ticket once (its latest
 * call) with its counter, newest first; served, absent and transferred-then-handled tickets leave it; a transfer
 * reads "ticket → service"; a screen shows the calls of the services waiting in its zone. Each test keeps to its own
 * services, so that they share one server.
 */
class CallsStripTest {
  @RegisterExtension
  static final ServerPerClass SERVER = ServerPerClass.withOpenScreens(Instant.parse("2026-03-30T08:00:00Z"));
  private static final Pattern STRIP = Pattern.compile("<aside id=\"calls-strip\"[^>]*>(.*?)</aside>", Pattern.DOTALL);
  private static final Pattern ENTRY = Pattern.compile(
      "<li class=\"strip-call[^\"]*\" data-ticket=\"([^\"]+)\">(.*?)</li>",
      Pattern.DOTALL);

  /** The strip's entries on the screen's page: ticket → the entry's HTML, in the order shown. */
  record Entry(String ticket, String html) {}

  static List<Entry> strip(String screen) {
    String page = SERVER.get().get("agent", "/screens/" + screen).bodyAsString();
    Matcher strip = STRIP.matcher(page);
    assertThat(strip.find()).as("a calls strip on " + screen).isTrue();
    return entries(strip.group(1));
  }

  static List<Entry> entries(String html) {
    List<Entry> out = new ArrayList<>();
    Matcher m = ENTRY.matcher(html);
    while (m.find()) {
      out.add(new Entry(m.group(1), m.group(2)));
    }
    return out;
  }

  static List<String> tickets(String screen) {
    return strip(screen).stream().map(Entry::ticket).toList();
  }

  static JsonObject issue(String service) {
    var r = SERVER.get().post("agent", "/api/queues/" + service + "/tickets", new JsonObject());
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    return r.bodyAsJsonObject();
  }

  static JsonObject act(String path) {
    var r = SERVER.get().post("agent", path, null);
    assertThat(r.statusCode()).as(path + " " + r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  static JsonObject call(String counter, JsonObject ticket) {
    return act("/api/counters/" + counter + "/call/" + ticket.getLong("id"));
  }

  @Test
  void each_ticket_shows_once_newest_first_with_its_counter_and_leaves_when_served_or_absent() {
    JsonObject a = issue("titres");
    JsonObject b = issue("titres");
    String ta = a.getString("ticket");
    String tb = b.getString("ticket");
    call("T1", a);
    call("T2", b);
    assertThat(tickets("hall-a-appels")).containsExactly(tb, ta);

    act("/api/tickets/" + a.getLong("id") + "/recall");
    List<Entry> strip = strip("hall-a-appels");
    assertThat(strip).extracting(Entry::ticket).as("recalled: on top, and once").containsExactly(ta, tb);
    assertThat(strip.get(0).html()).contains("<span lang=\"fr\">Guichet T1</span>",
        "<span lang=\"en\">Counter T1</span>");
    assertThat(strip.get(1).html()).contains("Guichet T2");
    assertThat(tickets("hall-a-entree")).as("every screen of the zone").containsExactly(ta, tb);

    act("/api/tickets/" + a.getLong("id") + "/served");
    assertThat(tickets("hall-a-appels")).containsExactly(tb);
    act("/api/tickets/" + b.getLong("id") + "/recall");
    act("/api/tickets/" + b.getLong("id") + "/absent");
    assertThat(tickets("hall-a-appels")).doesNotContain(ta, tb);
    assertThat(SERVER.get().get("agent", "/screens/hall-a-appels").bodyAsString())
        .as("the calls page lists current calls only").doesNotContain("data-ticket=\"" + ta + "\"");
  }

  @Test
  void a_transfer_reads_ticket_arrow_service_until_the_other_service_calls_it_then_shows_there() {
    JsonObject e = issue("etrangers");
    String te = e.getString("ticket");
    call("E1", e);
    assertThat(tickets("attente-etrangers")).contains(te);

    var moved = SERVER.get().post("agent", "/api/tickets/" + e.getLong("id") + "/transfer",
        new JsonObject().put("service", "pan"));
    assertThat(moved.statusCode()).as(moved.bodyAsString()).isEqualTo(200);
    List<Entry> transferred = strip("attente-etrangers").stream().filter(x -> x.ticket().equals(te)).toList();
    assertThat(transferred).hasSize(1);
    assertThat(transferred.get(0).html()).contains("<span class=\"strip-arrow\">→</span>",
        "<span lang=\"fr\">Point d&#x27;accueil numérique</span>", "<span lang=\"en\">Digital help desk</span>")
        .doesNotContain("Guichet", "Nouvel appel");
    String page = SERVER.get().get("agent", "/screens/attente-etrangers?layout=calls").bodyAsString();
    assertThat(page).doesNotContain("Nouvel appel");

    call("P1", e);
    assertThat(tickets("attente-etrangers")).as("handled by the other service: gone").doesNotContain(te);
    List<Entry> hall = strip("hall-a-appels").stream().filter(x -> x.ticket().equals(te)).toList();
    assertThat(hall).as("now called where the PAN's visitors wait").hasSize(1);
    assertThat(hall.get(0).html()).contains("Guichet P1").doesNotContain("→");
    act("/api/tickets/" + e.getLong("id") + "/served");
    assertThat(tickets("hall-a-appels")).doesNotContain(te);
  }

  @Test
  void a_screen_shows_the_calls_of_the_services_waiting_in_its_zone_only_and_its_stream_carries_the_strip() {
    TestServer server = SERVER.get();
    HttpClient http = server.vertx.createHttpClient();
    try (SseStream annex = SseStream.open(http, server.port(), "annexe-b", null)) {
      assertThat(annex.next("state").json().getString("strip")).contains("Appels en cours");
      JsonObject v = issue("vehicules");
      String tv = v.getString("ticket");
      call("V1", v);
      String strip = annex.next("state").json().getString("strip");
      assertThat(entries(strip)).extracting(Entry::ticket).containsExactly(tv);
      assertThat(strip).contains("Guichet V1");
      assertThat(tickets("annexe-b")).containsExactly(tv);
      assertThat(tickets("hall-a-appels")).doesNotContain(tv);
      assertThat(tickets("attente-etrangers")).doesNotContain(tv);
      act("/api/tickets/" + v.getLong("id") + "/served");
    } finally {
      http.close().await();
    }
  }
}
