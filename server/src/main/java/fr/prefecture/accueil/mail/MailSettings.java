package fr.prefecture.accueil.mail;

import fr.prefecture.accueil.site.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How messages leave: the SMTP server (absent: nothing is sent, messages wait in the outbox), the sender, the
 * public address of the site for links, and the retry rule (first retry after {@code firstRetry}, doubling up to
 * {@code maxRetry}, failed for good after {@code maxAttempts}).
 */
public record MailSettings(Optional<Smtp> smtp, String from, Optional<String> replyTo, Optional<URI> publicUrl,
    Duration poll, Duration firstRetry, Duration maxRetry, int maxAttempts) {

  /** How the connection to the SMTP server is protected. */
  public enum Tls {
    NONE,
    STARTTLS,
    TLS
  }

  /** The SMTP server; the password comes from the environment only ({@code ACCUEIL_MAIL_PASSWORD}). */
  public record Smtp(String host, int port, Tls tls, Optional<String> user, Optional<String> password) {}

  /** What the environment says (it beats the file). */
  public record Environment(Optional<String> host, Optional<Integer> port, Optional<String> from,
      Optional<String> password, Optional<String> publicUrl) {
    public static final Environment NONE = new Environment(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  public static final Set<String> KEYS = Set.of("host", "port", "tls", "user", "from", "replyTo", "pollSeconds",
      "retrySeconds", "maxRetrySeconds", "maxAttempts");
  static final String DEFAULT_FROM = "accueil@localhost";

  /** The file's {@code mail} section (keys already checked) under the environment. */
  public static MailSettings read(Map<String, Object> mail, String file, Environment env, Optional<String> publicUrl) {
    Optional<String> host = env.host().or(() -> text(mail, "host", file));
    int port = env.port().orElseGet(() -> number(mail, "port", file, 1, 65535, 25));
    String tlsName = text(mail, "tls", file).orElse("none").toUpperCase(Locale.ROOT);
    Tls tls;
    try {
      tls = Tls.valueOf(tlsName);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file, "mail.tls", "must be none, starttls or tls");
    }
    String from = env.from().or(() -> text(mail, "from", file)).orElse(DEFAULT_FROM);
    if (!from.matches("[^@\\s<>]+@[^@\\s<>]+")) {
      throw new ConfigException(file, "mail.from", "must be an e-mail address, not '" + from + "'");
    }
    Optional<URI> url = publicUrl.map(u -> {
      try {
        URI uri = URI.create(u.strip());
        if (uri.getHost() == null || !uri.getScheme().matches("https?")) {
          throw new IllegalArgumentException("not an http(s) URL");
        }
        return uri;
      } catch (IllegalArgumentException e) {
        throw new ConfigException(file, "server.publicUrl", "must be an http(s) URL such as "
            + "https://accueil.prefecture.gouv.fr, not '" + u + "'");
      }
    });
    Optional<Smtp> smtp = host.map(h -> new Smtp(h, port, tls, text(mail, "user", file), env.password()));
    return new MailSettings(smtp, from, text(mail, "replyTo", file), url,
        Duration.ofSeconds(number(mail, "pollSeconds", file, 1, 3600, 30)),
        Duration.ofSeconds(number(mail, "retrySeconds", file, 1, 3600, 60)),
        Duration.ofSeconds(number(mail, "maxRetrySeconds", file, 1, 86_400, 3600)),
        number(mail, "maxAttempts", file, 1, 100, 10));
  }

  /** The domain of the Message-IDs and calendar UIDs: the sender's. */
  String domain() {
    return from.substring(from.indexOf('@') + 1);
  }

  /** The wait before the next try after {@code attempts} failures: doubling from the first, capped. */
  Duration retryAfter(int attempts) {
    long seconds = firstRetry.toSeconds() << Math.min(attempts - 1, 30);
    return Duration.ofSeconds(Math.min(seconds, maxRetry.toSeconds()));
  }

  private static Optional<String> text(Map<String, Object> mail, String key, String file) {
    Object value = mail.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw new ConfigException(file, "mail." + key, "must be a text");
    }
    return Optional.of(s.strip());
  }

  private static int number(Map<String, Object> mail, String key, String file, int min, int max, int fallback) {
    Object value = mail.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Integer i) || i < min || i > max) {
      throw new ConfigException(file, "mail." + key, "must be a whole number " + min + "-" + max);
    }
    return i;
  }
}
