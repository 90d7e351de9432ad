package fr.prefecture.accueil.screen;

import io.vertx.core.Future;
import java.util.Map;

/**
 * Today's median waiting time by service code, in minutes, for the transparency layout. A service missing from the
 * map shows "not measured yet". The indicators part provides the real figures; {@link #NOT_MEASURED} until then.
 */
public interface WaitingTimes {

  WaitingTimes NOT_MEASURED = () -> Future.succeededFuture(Map.of());

  Future<Map<String, Integer>> today();
}
