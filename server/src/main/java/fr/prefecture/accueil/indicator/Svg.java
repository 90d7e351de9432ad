package fr.prefecture.accueil.indicator;

import java.util.List;
import java.util.Locale;

/**
 * What the chart templates ({@code templates/charts}) draw: a chart and its marks, coordinates already written with
 * one decimal. Texts are plain strings, escaped by the templates.
 */
final class Svg {
  static final int W = 760;
  static final String INK = "#1d3f73";

  private Svg() {}

  /** A chart: its size, its title (also its accessible name), and either a body or the "no data" text. */
  record Chart(int width, int height, String title, Text heading, Text empty, Object body) {}

  record Text(String x, String y, String anchor, int px, String weight, String fill, String s) {}

  record Rect(String x, String y, String w, String h, String fill) {}

  /** A bar and its value, and a label where it has one (legend keys, bars' labels, histogram classes). */
  record Mark(Rect bar, Text value, Text label) {}

  /** Marks that belong together under one label: a column's series, a weekday's cells, a service's histogram. */
  record Group(Text label, List<Mark> marks) {}

  record Axis(String x1, String x2, String y) {}

  record Columns(List<Mark> legend, Axis axis, List<Group> groups) {}

  record Trend(List<Mark> legend, Text rateLegend, List<Week> weeks, String line) {}

  record Week(Mark mark, Point point) {}

  record Point(String x, String y, Text rate) {}

  record HeatMap(List<Text> hours, List<Group> days) {}

  static Chart chart(String title, int height, Object body) {
    return new Chart(W, height, title, heading(title), null, body);
  }

  static Chart empty(String title, int height, String message) {
    return new Chart(W, height, title, heading(title), text(W / 2.0, height / 2.0, message, "middle", 13, "normal"),
        null);
  }

  private static Text heading(String title) {
    return text(10, 18, title, "start", 14, "bold");
  }

  static Text text(double x, double y, Object s, String anchor, int size, String weight) {
    return new Text(fmt(x), fmt(y), anchor, size, weight, "#111111", s == null ? "" : String.valueOf(s));
  }

  static Rect rect(double x, double y, double w, double h, String fill) {
    return new Rect(fmt(x), fmt(y), fmt(w), fmt(h), fill);
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
