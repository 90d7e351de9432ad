package fr.prefecture.accueil.screen;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;

/**
 * Today's latest calls of some services, newest first: what a screen shows after (re)connecting. The queue part
 * stores calls in its {@code calls} table ({@link StoredCalls}).
 */
public interface LatestCalls {

  /** Told of every call published on {@code Events.CALLS} (a store-backed implementation may ignore it). */
  void seen(Call call);

  /** The latest calls of these services today, newest first, at most {@code limit}. */
  Future<List<Call>> today(Collection<String> services, int limit);
}
