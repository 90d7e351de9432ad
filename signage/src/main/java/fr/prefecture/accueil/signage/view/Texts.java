package fr.prefecture.accueil.signage.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The fixed bilingual texts of the screens, read once from {@code signage/texts.properties}. */
final class Texts {

  private static final Properties TEXTS = load();

  private Texts() {}

  static Text get(String key) {
    String fr = TEXTS.getProperty(key + ".fr");
    String en = TEXTS.getProperty(key + ".en");
    if (fr == null || en == null) {
      throw new IllegalStateException("missing text " + key + " in signage/texts.properties");
    }
    return new Text(fr, en);
  }

  static boolean has(String key) {
    return TEXTS.containsKey(key + ".fr");
  }

  private static Properties load() {
    try (InputStream in = Texts.class.getResourceAsStream("/signage/texts.properties")) {
      if (in == null) {
        throw new IllegalStateException("signage/texts.properties not on the classpath");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
