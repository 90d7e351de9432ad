package fr.prefecture.accueil.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.prefecture.accueil.site.ConfigException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The mail section: the environment beats the file; the back-off doubles from 1 minute up to 1 hour. */
class MailSettingsTest {
  @Test
  void retries_after_1_2_4_minutes_and_so_on_capped_at_one_hour() {
    MailSettings mail = MailSettings.read(Map.of(), "f.yaml", MailSettings.Environment.NONE, Optional.empty());
    assertThat(IntStream.rangeClosed(1, 9).mapToObj(mail::retryAfter).map(Duration::toMinutes).toList())
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    assertThat(mail.retryAfter(90)).isEqualTo(Duration.ofHours(1));
    assertThat(mail.maxAttempts()).isEqualTo(10);
    assertThat(mail.smtp()).as("no host: nothing is sent").isEmpty();
  }

  @Test
  void the_environment_beats_the_file_and_the_password_comes_from_the_environment_only() {
    Map<String, Object> file = Map.of("host", "smtp.file.example", "port", 587, "tls", "starttls", "user", "accueil",
        "from", "accueil@file.example");
    MailSettings.Environment env = new MailSettings.Environment(Optional.of("smtp.env.example"), Optional.of(2525),
        Optional.of("accueil@env.example"), Optional.of("secret"), Optional.of("https://accueil.env.example"));
    MailSettings mail = MailSettings.read(file, "f.yaml", env, env.publicUrl());
    assertThat(mail.smtp().orElseThrow()).isEqualTo(new MailSettings.Smtp("smtp.env.example", 2525,
        MailSettings.Tls.STARTTLS, Optional.of("accueil"), Optional.of("secret")));
    assertThat(mail.from()).isEqualTo("accueil@env.example");
    assertThat(mail.domain()).isEqualTo("env.example");
    assertThat(mail.publicUrl().orElseThrow()).hasToString("https://accueil.env.example");
    assertThat(MailSettings.read(file, "f.yaml", MailSettings.Environment.NONE, Optional.empty()).smtp()
        .orElseThrow().host()).isEqualTo("smtp.file.example");
  }

  @Test
  void an_unknown_key_of_the_mail_section_stops_the_start_and_the_environment_is_read_by_the_options()
      throws Exception {
    String yaml = java.nio.file.Files.readString(fr.prefecture.accueil.support.TestServer.CONFIG)
        + "\nmail:\n  hots: smtp.example\n";
    assertThatThrownBy(() -> fr.prefecture.accueil.site.SiteLoader.parse("site.yaml", yaml).mail(MailSettings.KEYS))
        .isInstanceOf(ConfigException.class).hasMessageContaining("mail.hots");
    var options = fr.prefecture.accueil.Options.parse(new String[0], Map.of("ACCUEIL_MAIL_HOST", "smtp.env.example",
        "ACCUEIL_MAIL_PORT", "2525", "ACCUEIL_MAIL_PASSWORD", "secret"));
    assertThat(options.mail().host()).contains("smtp.env.example");
    assertThat(options.mail().port()).contains(2525);
    assertThatThrownBy(() -> fr.prefecture.accueil.Options.parse(new String[0], Map.of("ACCUEIL_MAIL_PORT", "0")))
        .hasMessageContaining("ACCUEIL_MAIL_PORT");
  }

  @Test
  void a_wrong_value_names_the_file_and_the_key() {
    assertThatThrownBy(() -> MailSettings.read(Map.of("tls", "ssl3"), "site.yaml", MailSettings.Environment.NONE,
        Optional.empty())).isInstanceOf(ConfigException.class).hasMessageContaining("mail.tls");
    assertThatThrownBy(() -> MailSettings.read(Map.of("from", "nobody"), "site.yaml", MailSettings.Environment.NONE,
        Optional.empty())).hasMessageContaining("mail.from");
    assertThatThrownBy(() -> MailSettings.read(Map.of(), "site.yaml", MailSettings.Environment.NONE,
        Optional.of("ftp://x"))).hasMessageContaining("server.publicUrl");
  }
}
