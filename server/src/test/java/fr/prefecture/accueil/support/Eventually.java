package fr.prefecture.accueil.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for what the server does after it has answered (an event delivered, a timer fired) by polling a condition
 * every 20 ms, up to a bound, instead of sleeping a fixed time: as soon as it holds, the test goes on.
 */
public final class Eventually {
  /** Far above what any condition needs on a loaded machine: reaching it is a failure, not a wait. */
  public static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final long POLL_MILLIS = 20;

  private Eventually() {}

  /** Waits until the condition holds, and fails the test if it still does not after {@link #TIMEOUT}. */
  public static void until(BooleanSupplier condition) {
    until(() -> condition.getAsBoolean(), Boolean::booleanValue);
  }

  /**
   * Reads the value until it satisfies {@code done} and returns it; fails the test if no value read within
   * {@link #TIMEOUT} does (the assertion shows the last one).
   */
  public static <T> T until(Supplier<T> value, Predicate<? super T> done) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    T last = value.get();
    while (!done.test(last) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting", e);
      }
      last = value.get();
    }
    assertThat(last).as("still not reached after %s", TIMEOUT).matches(done::test);
    return last;
  }
}
