package fr.prefecture.accueil.http;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Options;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.context.JavaBeanValueResolver;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.context.MethodValueResolver;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's pages and charts as Handlebars templates ({@code /templates/*.hbs}, loaded, escaped and rendered as
 * the signage module renders its screens), with their words in {@code /templates/texts.properties}. Each named
 * template is compiled once, when the {@code Templates} are made (at start); rendering is then pure CPU work.
 * Every value of a model is HTML-escaped; the words of the bundle are the templates' own text and are inserted as
 * written (they hold no markup: a test checks it), the {@code {name}} values put in them are escaped.
 */
public final class Templates {
  static final String FOLDER = "/templates";
  static final String TEXTS = FOLDER + "/texts.properties";
  private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

  private final Properties texts;
  private final Map<String, Template> compiled = new HashMap<>();

  private Templates(Properties texts, String... names) {
    this.texts = texts;
    Handlebars handlebars = new Handlebars(new ClassPathTemplateLoader(FOLDER, ".hbs"))
        .registerHelper("t", (Helper<String>) this::word);
    try {
      for (String name : names) {
        compiled.put(name, handlebars.compile(name));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compile the templates " + String.join(", ", names), e);
    }
  }

  /** Compiles the named templates ({@code "ticket"}, {@code "charts/bars"}...) now: a missing one stops the start. */
  public static Templates compile(String... names) {
    return new Templates(load(), names);
  }

  /** The template {@code name} applied to {@code model} (maps, records or beans), without leading or trailing blanks. */
  public String render(String name, Object model) {
    Template template = compiled.get(name);
    if (template == null) {
      throw new IllegalArgumentException("template '" + name + "' was not compiled, only " + compiled.keySet());
    }
    Context context = Context.newBuilder(model)
        .resolver(MapValueResolver.INSTANCE, MethodValueResolver.INSTANCE, JavaBeanValueResolver.INSTANCE)
        .build();
    try {
      return template.apply(context).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      context.destroy();
    }
  }

  /** The text {@code key} of the bundle (keys end in {@code .fr} or {@code .en}), its {@code {name}} replaced. */
  public String text(String key, Map<String, ?> values) {
    return fill(key, name -> {
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("text " + key + " needs a value for {" + name + "}");
      }
      return String.valueOf(values.get(name));
    });
  }

  /** The text {@code key} of the bundle, as written. */
  public String text(String key) {
    return text(key, Map.of());
  }

  /** {@code {{t "key.fr" name=value}}}: the text of the bundle as written, the values escaped. */
  private Object word(String key, Options options) {
    return new Handlebars.SafeString(fill(key, name -> {
      Object value = options.hash(name);
      if (value == null) {
        throw new IllegalArgumentException("text " + key + " needs " + name + "=... in " + options.fn.filename());
      }
      return Handlebars.Utils.escapeExpression(value.toString()).toString();
    }));
  }

  private String fill(String key, Function<String, String> value) {
    String text = texts.getProperty(key);
    if (text == null) {
      throw new IllegalArgumentException("missing text " + key + " in " + TEXTS);
    }
    Matcher m = PARAM.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(value.apply(m.group(1))));
    }
    return m.appendTail(out).toString();
  }

  static Properties load() {
    try (InputStream in = Templates.class.getResourceAsStream(TEXTS)) {
      if (in == null) {
        throw new IllegalStateException(TEXTS + " is not on the classpath");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
