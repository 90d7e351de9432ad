package fr.prefecture.accueil.auth;

import fr.prefecture.accueil.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Password hashing on its own few threads, so that a burst of sign-ins cannot take every worker (Argon2id takes
 * 19 MiB and tens of milliseconds a hash); beyond a queue of waiting hashes the answer is 503, not a long wait.
 */
public final class PasswordChecks {
  private final PasswordHasher hasher;
  private final WorkerExecutor executor;
  private final int queue;
  private final AtomicInteger waiting = new AtomicInteger();

  public PasswordChecks(Vertx vertx, PasswordHasher hasher, int threads, int queue) {
    this.hasher = hasher;
    this.executor = vertx.createSharedWorkerExecutor("accueil-passwords", threads);
    this.queue = queue;
  }

  public Future<Boolean> verify(String password, String encoded) {
    return run(() -> hasher.verify(password, encoded));
  }

  public Future<String> hash(String password) {
    return run(() -> hasher.hash(password));
  }

  private <T> Future<T> run(Callable<T> task) {
    if (waiting.incrementAndGet() > queue) {
      waiting.decrementAndGet();
      return Future.failedFuture(new ApiException(503, "busy", "Too many sign-ins at once; try again in a moment"));
    }
    // Unordered: an ordered task would wait for every earlier one of the same event loop.
    return executor.executeBlocking(task, false).andThen(done -> waiting.decrementAndGet());
  }

  public void close() {
    executor.close();
  }
}
