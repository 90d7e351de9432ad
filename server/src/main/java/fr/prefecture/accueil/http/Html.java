package fr.prefecture.accueil.http;

/** HTML escaping and the small bilingual error page. */
public final class Html {
  private Html() {}

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String errorPage(int status, String message) {
    String french = switch (status) {
      case 400 -> "La demande n'est pas valide.";
      case 401 -> "Connectez-vous pour continuer.";
      case 403 -> "Vous n'avez pas accès à cette page.";
      case 404 -> "Cette page n'existe pas.";
      case 405, 413, 415 -> "Cette demande n'est pas acceptée.";
      default -> "Une erreur est survenue.";
    };
    return """
        <!doctype html>
        <html lang="fr"><head><meta charset="utf-8"><title>Erreur %d — Accueil</title>
        <link rel="stylesheet" href="/static/css/accueil.css"></head>
        <body><main class="error-page"><h1>Erreur %d <span lang="en">/ Error %d</span></h1>
        <p>%s</p><p lang="en">%s</p><p><a href="/">Accueil</a> · <a href="/" lang="en">Home</a></p></main></body></html>
        """.formatted(status, status, status, escape(french), escape(message));
  }
}
