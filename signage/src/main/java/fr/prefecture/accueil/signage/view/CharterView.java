package fr.prefecture.accueil.signage.view;

import java.util.ArrayList;
import java.util.List;

/** The {@code charter} layout: the reception charter (title, introduction, commitments). */
public record CharterView(Text title, Text intro, List<Text> commitments) implements LayoutModel {

  public CharterView {
    commitments = List.copyOf(commitments);
  }

  /** The prefecture's standard charter, from {@code signage/texts.properties}. */
  public static CharterView standard() {
    List<Text> items = new ArrayList<>();
    for (int i = 1; Texts.has("charter." + i); i++) {
      items.add(Texts.get("charter." + i));
    }
    return new CharterView(Texts.get("charter.title"), Texts.get("charter.intro"), items);
  }

  @Override
  public String layoutName() {
    return Layouts.CHARTER;
  }

  @Override
  public boolean isEmpty() {
    return commitments.isEmpty();
  }

  @Override
  public Text readingText() {
    List<Text> all = new ArrayList<>(List.of(title, intro));
    all.addAll(commitments);
    return Text.join(all);
  }
}
