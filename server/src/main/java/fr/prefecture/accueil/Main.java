package fr.prefecture.accueil;

import fr.prefecture.accueil.site.ConfigException;
import io.vertx.core.Vertx;

/**
 * Starts the Accueil server (one Vert.x instance, the main verticle deployed once) or runs a command. Exit codes:
 * 0 help, 2 a usage error (the message, then the usage), 1 a failure.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args, System.getenv());
      if (options.job().isPresent()) {
        System.exit(Commands.run(options));
        return;
      }
    } catch (Options.UsageException e) {
      System.exit(usage(e));
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

  private static int usage(Options.UsageException e) {
    if (e.helpRequested()) {
      System.out.print(e.usage());
      return 0;
    }
    System.err.println("accueil: " + e.getMessage());
    System.err.print(e.usage());
    return 2;
  }
}
