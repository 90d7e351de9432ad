package fr.prefecture.accueil.appointment;

import fr.prefecture.accueil.kiosk.convocation.ConvocationKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.List;

/**
 * Issues the convocations of appointments and invitations as they are stored, on the connection of the transaction
 * that stores them: a stored appointment always has its convocation, and reading one never writes. The gate
 * implements it (the gate reads appointments; the appointments never import the gate).
 */
public interface ConvocationIssuer {
  /** What a convocation is issued for: an appointment or an invitation (service ""), and its start. */
  record Due(ConvocationKind kind, long id, String service, Instant start) {}

  /** The convocation that holds for one {@link Due}: what the visitor carries. */
  record Code(String code, String manualCode) {}

  /**
   * Issues what is missing or out of date (first issue, moved); a convocation still right is left as it is. Returns
   * the code that holds for each due, in order.
   */
  Future<List<Code>> issue(SqlConnection conn, List<Due> due);
}
