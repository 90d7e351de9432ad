package fr.prefecture.accueil.signage.view;

import java.util.ArrayList;
import java.util.List;

/** The {@code access} layout: who may enter, when, with what, and where to get help with online procedures. */
public record AccessView(Text title, List<Text> rules) implements LayoutModel {

  public AccessView {
    rules = List.copyOf(rules);
  }

  /**
   * The standard rules. {@code earlyWindowMinutes} is how long before an appointment the gate admits
   * (20 by default); {@code panWhere}, optional, says where the PAN is (e.g. "Bâtiment A, rez-de-chaussée").
   */
  public static AccessView standard(int earlyWindowMinutes, Text panWhere) {
    List<Text> rules = new ArrayList<>();
    for (int i = 1; Texts.has("access." + i); i++) {
      Text t = Texts.get("access." + i);
      rules.add(new Text(fill(t.fr(), earlyWindowMinutes, panWhere == null ? null : panWhere.fr()),
          fill(t.en(), earlyWindowMinutes, panWhere == null ? null : panWhere.en())));
    }
    return new AccessView(Texts.get("access.title"), rules);
  }

  private static String fill(String s, int minutes, String pan) {
    return s.replace("{minutes}", Integer.toString(minutes))
        .replace("{pan}", pan == null ? "" : " (" + pan + ")");
  }

  @Override
  public String layoutName() {
    return Layouts.ACCESS;
  }

  @Override
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  @Override
  public Text readingText() {
    List<Text> all = new ArrayList<>(List.of(title));
    all.addAll(rules);
    return Text.join(all);
  }
}
