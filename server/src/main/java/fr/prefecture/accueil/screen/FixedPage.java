package fr.prefecture.accueil.screen;

import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.signage.view.LanguageMode;
import fr.prefecture.accueil.signage.view.Layouts;
import fr.prefecture.accueil.signage.view.Orientation;
import fr.prefecture.accueil.signage.view.ScreenPage;
import fr.prefecture.accueil.signage.view.ScreenView;
import io.vertx.core.MultiMap;

/**
 * One page of one layout of a screen, shown still: {@code /screens/{id}?layout=charter&page=2&lang=en}, optionally
 * with {@code orientation} and {@code languages} in place of the screen's. For the people who check what a screen
 * shows, and for the tests, which then need not wait for the rotation. Such a page is a preview: it does not
 * chime, does not count as a screen and does not listen to the live stream.
 */
record FixedPage(String layout, int page, String language, Orientation orientation, LanguageMode languages) {

  /** The page asked for by the query, or null when the query asks for the screen's rotation. */
  static FixedPage of(MultiMap query) {
    String layout = query.get("layout");
    if (layout == null) {
      return null;
    }
    if (!Layouts.NAMES.contains(layout)) {
      throw ApiException.badRequest("bad_layout", "layout: one of " + Layouts.NAMES);
    }
    int page;
    try {
      page = Integer.parseInt(query.get("page") == null ? "0" : query.get("page"));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("bad_page", "page: a page number from 0");
    }
    String language = query.get("lang") == null ? "fr" : query.get("lang");
    if (page < 0 || page > 999 || !(language.equals("fr") || language.equals("en"))) {
      throw ApiException.badRequest("bad_page", "page: 0–999; lang: fr or en");
    }
    try {
      Orientation orientation = query.get("orientation") == null ? null
          : Orientation.fromCode(query.get("orientation"));
      LanguageMode languages = query.get("languages") == null ? null : LanguageMode.fromCode(query.get("languages"));
      return new FixedPage(layout, page, language, orientation, languages);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_page", e.getMessage());
    }
  }

  /** The screen's page with this orientation and language mode, when they were given. */
  ScreenPage apply(ScreenPage p) {
    ScreenView v = p.screen();
    ScreenView view = new ScreenView(v.id(), v.name(), v.zone(), orientation == null ? v.orientation() : orientation,
        languages == null ? v.languageMode() : languages, false);
    return new ScreenPage(view, p.slides(), p.alert(), p.strip());
  }
}
