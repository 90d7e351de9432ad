package fr.prefecture.accueil.signage.view;

/** What a layout shows: its template name, whether it has anything to show, and the words a reader must read. */
public interface LayoutModel {

  /** The template name, one of {@link Layouts#NAMES}. */
  String layoutName();

  /** True when the layout has nothing to show and should be skipped. */
  boolean isEmpty();

  /** The words on the page, language by language, used to compute how long the page stays; may be null. */
  Text readingText();
}
