package fr.prefecture.accueil.signage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScreenCssTest {

  private static String css() throws IOException {
    try (InputStream in = ScreenCssTest.class.getResourceAsStream("/webroot/signage/screen.css")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String colour(String css, String variable) {
    Matcher m = Pattern.compile("--" + variable + ":\\s*(#[0-9a-fA-F]{6})").matcher(css);
    assertThat(m.find()).as("variable --%s in screen.css", variable).isTrue();
    return m.group(1);
  }

  private static double luminance(String hex) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      c[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
      "fg, bg", "fg-second, bg", "fg, panel", "fg-second, panel", "highlight-fg, highlight-bg",
      "badge-fg, open-bg", "badge-fg, closed-bg", "badge-fg, moved-bg", "badge-fg, full-bg",
      "alert-fg, alert-bg", "offline-fg, offline-bg"})
  void every_text_colour_pair_reaches_7_to_1(String foreground, String background) throws IOException {
    String css = css();

    assertThat(contrast(colour(css, foreground), colour(css, background))).isGreaterThanOrEqualTo(7.0);
  }

  @Test
  void white_on_dark_red_alert_is_about_10_to_1() {
    assertThat(contrast("#ffffff", "#8b0000")).isBetween(9.5, 10.5);
  }

  @Test
  void motion_is_dropped_when_the_viewer_asks_for_reduced_motion() throws IOException {
    String css = css();

    assertThat(css).contains("@media (prefers-reduced-motion: reduce)");
    // the only animation is a single opacity fade: nothing moves, nothing flashes
    assertThat(Pattern.compile("@keyframes").matcher(css).results().count()).isEqualTo(1);
    assertThat(css).contains("@keyframes fade-in { from { opacity: 0; } to { opacity: 1; } }")
        .doesNotContain("infinite").doesNotContainPattern("(?<!text-)transform\\s*:");
  }
}
