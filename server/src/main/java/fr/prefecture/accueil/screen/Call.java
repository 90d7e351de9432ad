package fr.prefecture.accueil.screen;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A ticket called to a counter, as the queue part publishes it on {@code Events.CALLS}; {@code transferTo} is set
 * for a transfer: {service, name:{fr,en}, building, floor, room:{fr,en}} (and {@code counter} may be null: a ticket
 * sent on before any counter called it).
 */
public record Call(long ticketId, String ticket, String service, String counter, Instant at, String kind,
    JsonObject transferTo) {

  /** Reads a CALLS message; null when it lacks what a screen needs (a counter, except for a transfer). */
  static Call fromMessage(JsonObject m) {
    if (m == null || m.getValue("ticket") == null || m.getValue("service") == null
        || (m.getValue("counter") == null && !(m.getValue("transferTo") instanceof JsonObject))) {
      return null;
    }
    Object at = m.getValue("at");
    Instant instant;
    try {
      instant = at instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : Instant.parse(String.valueOf(at));
    } catch (RuntimeException e) {
      return null;
    }
    Object transfer = m.getValue("transferTo");
    return new Call(m.getValue("ticketId") instanceof Number n ? n.longValue() : 0,
        String.valueOf(m.getValue("ticket")),
        String.valueOf(m.getValue("service")),
        m.getValue("counter") == null ? null : String.valueOf(m.getValue("counter")),
        instant,
        m.getString("kind", "call"), transfer instanceof JsonObject o ? o : null);
  }
}
