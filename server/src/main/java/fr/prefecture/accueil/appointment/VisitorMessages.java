package fr.prefecture.accueil.appointment;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.List;

/**
 * Messages to visitors, written on the connection of the transaction that stores what causes them, so that none is
 * lost nor sent for a change that was rolled back. The mail outbox implements it (appointments never import it).
 */
public interface VisitorMessages {
  /** An appointment as just stored, what it was before ({@code null} when new), and its convocation. */
  record Stored(Appointment appointment, Appointment before, ConvocationIssuer.Code convocation) {}

  /** No messages (a store without mail, the demo's history): writes nothing. */
  VisitorMessages NONE = new VisitorMessages() {
    @Override
    public Future<Integer> enqueue(SqlConnection conn, List<Stored> stored, long now) {
      return Future.succeededFuture(0);
    }

    @Override
    public void nudge() {}
  };

  /** Writes the messages these changes call for; returns how many. */
  Future<Integer> enqueue(SqlConnection conn, List<Stored> stored, long now);

  /** Tells the sender, after the commit, that messages are waiting. */
  void nudge();
}
