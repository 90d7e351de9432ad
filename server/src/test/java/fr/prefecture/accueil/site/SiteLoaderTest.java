package fr.prefecture.accueil.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteLoaderTest {
  static final Path DEMO = Path.of("../config/accueil.yaml");

  @Test
  void the_shipped_demo_site_is_valid() {
    Site site = SiteLoader.load(DEMO).site();
    assertThat(site.services()).extracting(Site.Service::code)
        .contains("etrangers", "titres", "vehicules", "pan", "pan-emeraude");
    assertThat(site.service("pan").orElseThrow().pan()).isPresent();
    assertThat(site.service("etrangers").orElseThrow().admission().early().toMinutes()).isEqualTo(20);
    assertThat(site.gates()).isNotEmpty();
    assertThat(site.screens()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(site.zone().getId()).isEqualTo("Europe/Paris");
  }

  @Test
  void without_a_config_directory_the_demo_site_inside_the_jar_is_used() {
    // Tests run in server/, which has no config/ directory: the copy on the classpath is read.
    assertThat(Files.exists(SiteLoader.DEFAULT)).isFalse();
    Site site = SiteLoader.load(SiteLoader.DEFAULT).site();
    assertThat(site).isEqualTo(SiteLoader.load(DEMO).site());
    assertThatThrownBy(() -> SiteLoader.load(Path.of("no/such/file.yaml")))
        .hasMessageContaining("no/such/file.yaml").hasMessageContaining("cannot be read");
  }

  private static String demoWith(String from, String to) throws Exception {
    String text = Files.readString(DEMO);
    assertThat(text).contains(from);
    return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
  }

  @Test
  void an_unknown_zone_names_the_file_and_the_key() throws Exception {
    String yaml = demoWith("zone: attente-etrangers, room", "zone: nulle-part, room");
    assertThatThrownBy(() -> SiteLoader.parse("site.yaml", yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("site.yaml").hasMessageContaining("services[0].location.zone")
        .hasMessageContaining("nulle-part");
  }

  @Test
  void wrong_types_and_bad_values_are_named() throws Exception {
    assertThatThrownBy(() -> SiteLoader.parse("s.yaml", demoWith("earlyMinutes: 20", "earlyMinutes: vingt")))
        .hasMessageContaining("services[0].admission.earlyMinutes").hasMessageContaining("whole number");
    assertThatThrownBy(() -> SiteLoader.parse("s.yaml", demoWith("counters: [E1, E2, E3, E4]", "counters: [E1, E1]")))
        .hasMessageContaining("services[0].counters[1]").hasMessageContaining("twice");
    assertThatThrownBy(() -> SiteLoader.parse("s.yaml", demoWith("layout: wayfinding", "layout: cinema")))
        .hasMessageContaining("screens[0].playlist[0].layout").hasMessageContaining("cinema");
    assertThatThrownBy(() -> SiteLoader.parse("s.yaml", demoWith("timezone: Europe/Paris", "timezone: Mars/Olympus")))
        .hasMessageContaining("site.timezone");
    assertThatThrownBy(() -> SiteLoader.parse("s.yaml", demoWith("days: [1, 2, 3, 4, 5]", "days: [1, 8]")))
        .hasMessageContaining("openingHours");
    assertThatThrownBy(() -> SiteLoader.parse("s.yaml", demoWith("closes: \"16:30\" }", "closes: \"08:00\" }")))
        .hasMessageContaining("openingHours");
    assertThatThrownBy(() -> SiteLoader.parse("s.yaml", "site: [unclosed"))
        .hasMessageContaining("s.yaml").hasMessageContaining("YAML");
    assertThatThrownBy(() -> SiteLoader.parse("s.yaml", "just text"))
        .hasMessageContaining("(root)");
  }

  @Test
  void queue_settings_default_and_are_validated() throws Exception {
    Site site = SiteLoader.load(DEMO).site();
    assertThat(site.service("titres").orElseThrow().queue()).isEqualTo(Site.Queueing.DEFAULT);
    Site alternate = SiteLoader.parse("s.yaml", demoWith("ticketPrefix: T\n",
        "ticketPrefix: T\n    queue: { rule: alternate, absentAfterCalls: 3 }\n")).site();
    assertThat(alternate.service("titres").orElseThrow().queue())
        .isEqualTo(new Site.Queueing(Site.QueueRule.ALTERNATE, 3));
    assertThatThrownBy(() -> SiteLoader.parse("s.yaml", demoWith("ticketPrefix: T\n",
        "ticketPrefix: T\n    queue: { rule: random }\n")))
        .hasMessageContaining("s.yaml").hasMessageContaining("services[1].queue.rule").hasMessageContaining("random");
    assertThatThrownBy(() -> SiteLoader.parse("s.yaml", demoWith("ticketPrefix: T\n",
        "ticketPrefix: T\n    queue: { absentAfterCalls: 0 }\n")))
        .hasMessageContaining("services[1].queue.absentAfterCalls");
  }
  @Test
  void a_services_waiting_zone_defaults_to_the_zone_of_its_location_and_must_be_a_known_zone() throws Exception {
    Site site = SiteLoader.load(DEMO).site();
    assertThat(site.service("titres").orElseThrow().waitingZone()).isEqualTo("hall-a");
    Site elsewhere = SiteLoader.parse("s.yaml", demoWith("ticketPrefix: T\n",
        "ticketPrefix: T\n    waitingZone: hall-b\n")).site();
    assertThat(elsewhere.service("titres").orElseThrow().waitingZone()).isEqualTo("hall-b");
    assertThatThrownBy(() -> SiteLoader.parse("s.yaml", demoWith("ticketPrefix: T\n",
        "ticketPrefix: T\n    waitingZone: nulle-part\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("s.yaml").hasMessageContaining("services[1].waitingZone")
        .hasMessageContaining("nulle-part");
  }

  @Test
  void a_services_thresholds_are_optional_whole_numbers_each_named_when_wrong() throws Exception {
    Site site = SiteLoader.load(DEMO).site();
    assertThat(site.service("titres").orElseThrow().thresholds())
        .isEqualTo(new Site.Thresholds(Optional.of(45), Optional.of(30)));
    assertThat(site.service("vehicules").orElseThrow().thresholds()).isEqualTo(Site.Thresholds.NONE);
    Site waitOnly = SiteLoader.parse("s.yaml", demoWith("ticketPrefix: V\n",
        "ticketPrefix: V\n    thresholds: { waitMinutes: 20 }\n")).site();
    assertThat(waitOnly.service("vehicules").orElseThrow().thresholds())
        .isEqualTo(new Site.Thresholds(Optional.of(20), Optional.empty()));
    assertThatThrownBy(() -> SiteLoader.parse("s.yaml", demoWith("ticketPrefix: V\n",
        "ticketPrefix: V\n    thresholds: { waitMinutes: 0 }\n")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("services[2].thresholds.waitMinutes");
    assertThatThrownBy(() -> SiteLoader.parse("s.yaml", demoWith("ticketPrefix: V\n",
        "ticketPrefix: V\n    thresholds: { waiting: \"beaucoup\" }\n")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("services[2].thresholds.waiting");
    assertThatThrownBy(() -> SiteLoader.parse("s.yaml", demoWith("ticketPrefix: V\n",
        "ticketPrefix: V\n    thresholds: { wait: 30 }\n")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("services[2].thresholds.wait")
        .hasMessageContaining("unknown key");
  }

  @Test
  void every_screen_gives_its_direction_to_every_place() throws Exception {
    Site site = SiteLoader.load(DEMO).site();
    assertThat(site.places()).extracting(Site.Place::id).contains("salle-3", "annexe-salle-4");
    assertThat(site.screen("annexe-b").orElseThrow().placeDirections()).containsEntry("annexe-salle-4", "right");
    assertThatThrownBy(() -> SiteLoader.parse("s.yaml", demoWith(
        "placeDirections: { salle-3: left, salle-comite: up, annexe-salle-4: behind }",
        "placeDirections: { salle-3: left, salle-comite: up }")))
        .hasMessageContaining("screens[0].placeDirections.annexe-salle-4").hasMessageContaining("required");
    assertThatThrownBy(() -> SiteLoader.parse("s.yaml", demoWith("placeDirections: { salle-3: left,",
        "placeDirections: { salle-9: left, salle-3: left,")))
        .hasMessageContaining("screens[0].placeDirections.salle-9").hasMessageContaining("unknown place");
    assertThatThrownBy(() -> SiteLoader.parse("s.yaml", demoWith("{ id: salle-3, building: A, floor: 0,",
        "{ id: salle-3, building: A, floor: 7,")))
        .hasMessageContaining("places[0]");
  }

  @Test
  void an_unknown_key_in_any_section_is_an_error_naming_the_file_and_the_key() throws Exception {
    // A typo must not silently take the default: one mistake per section of the file.
    String[][] typos = {
        {"site:\n", "sitte:\n", "sitte"},
        {"timezone: Europe/Paris", "timezone: Europe/Paris\n  langue: fr", "site.langue"},
        {"floors:\n      - { level: 0,", "floors:\n      - { levl: 1, level: 0,", "buildings[0].floors[0].levl"},
        {"- id: A\n", "- id: A\n    adress: here\n", "buildings[0].adress"},
        {"{ id: guerite, building: A,", "{ id: guerite, batiment: A, building: A,", "zones[0].batiment"},
        {"location: { building: A, floor: 1,", "locaton: { building: A, floor: 1,", "services[0].locaton"},
        {"zone: attente-etrangers, room:", "zone: attente-etrangers, rom: { fr: x, en: y }, room:",
            "services[0].location.rom"},
        {"room: { fr: \"Salle 12\", en: \"Room 12\" }", "room: { fr: \"Salle 12\", en: \"Room 12\", de: x }",
            "services[0].location.room.de"},
        {"admission: { earlyMinutes: 20, graceMinutes: 30 }", "admission: { earlyMinute: 10, graceMinutes: 30 }",
            "services[0].admission.earlyMinute"},
        {"pan: { slotMinutes: 20,", "pan: { slotMinute: 20, slotMinutes: 20,", "services[3].pan.slotMinute"},
        {"ticketPrefix: T\n", "ticketPrefix: T\n    queue: { rules: alternate }\n", "services[1].queue.rules"},
        {"{ id: guerite-nord,", "{ id: guerite-nord, direction: in,", "gates[0].direction"},
        {"orientation: landscape", "orientaton: landscape", "screens[0].orientaton"},
        {"{ layout: wayfinding, seconds: 20 }", "{ layout: wayfinding, secondes: 20, seconds: 20 }",
            "screens[0].playlist[0].secondes"},
    };
    for (String[] typo : typos) {
      assertThatThrownBy(() -> SiteLoader.parse("config/x.yaml", demoWith(typo[0], typo[1])))
          .as(typo[2]).isInstanceOf(ConfigException.class)
          .hasMessage("config/x.yaml: " + typo[2] + ": unknown key");
    }
  }
}
