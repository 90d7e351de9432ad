package fr.prefecture.accueil.screen;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The published busy hours (the snapshot of the public page /affluence) for the affluence layout. The indicators
 * part provides them; {@link #NONE} (nothing measured: the layout is skipped) until then.
 */
public interface BusyHours {

  BusyHours NONE = () -> Future.succeededFuture(new JsonObject());

  Future<JsonObject> published();
}
