package fr.prefecture.accueil;

import fr.prefecture.accueil.site.ConfigException;
import io.vertx.core.Vertx;

/** Starts the Accueil server: one Vert.x instance, the main verticle deployed once. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args, System.getenv());
    } catch (Options.UsageException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println("accueil: " + e.getMessage());
      }
      System.err.println(Options.USAGE);
      System.exit(e.getMessage().isEmpty() ? 0 : 2);
      return;
    }
    if (!options.rest().isEmpty()) {
      try {
        System.exit(Commands.run(options));
      } catch (Options.UsageException e) {
        System.err.println("accueil: " + e.getMessage());
        System.err.println(Options.USAGE);
        System.exit(2);
      }
      return;
    }
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(new MainVerticle(options)).onFailure(e -> {
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof ConfigException)) {
        cause = cause.getCause();
      }
      System.err.println("accueil: cannot start: " + cause.getMessage());
      vertx.close().onComplete(v -> System.exit(1));
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await()));
  }
}
