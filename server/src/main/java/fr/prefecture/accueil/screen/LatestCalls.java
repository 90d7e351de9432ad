package fr.prefecture.accueil.screen;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;

/**
 * Today's current calls of some services, newest first, each ticket once (its latest call): what a screen's calls
 * strip and calls page show. A ticket served or absent, or called again by another service after a transfer, is no
 * longer a current call. The queue part stores calls in its {@code calls} table ({@link StoredCalls}).
 */
public interface LatestCalls {

  /** Told of every call published on {@code Events.CALLS} (a store-backed implementation may ignore it). */
  void seen(Call call);

  /** The current calls of these services today, newest first, at most {@code limit}. */
  Future<List<Call>> today(Collection<String> services, int limit);
}
