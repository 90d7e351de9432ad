package fr.prefecture.accueil.indicator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The generator's batched insert statements, flushed every 20,000 rows. Plain JDBC batches rather
 * than the SQL client's pool: loading millions of rows this way takes a minute instead of many; every
 * value is still bound, never written into the text.
 */
final class HistoryWriter implements AutoCloseable {
  final PreparedStatement appointment;
  final PreparedStatement scan;
  final PreparedStatement ticket;
  final PreparedStatement event;
  private int pending;

  HistoryWriter(Connection c) throws SQLException {
    appointment = c.prepareStatement("INSERT INTO appointments (id, service, start_at, local_date, duration_minutes, "
        + "visitor_name, status, cancelled_at, created_at, arrived_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
    scan = c.prepareStatement("INSERT INTO scans (scan_id, gate, direction, at, local_date, decision, reason, kind, "
        + "convocation_id, service, response) VALUES (?,?,?,?,?,?,?,?,?,?,'{}')");
    ticket = c.prepareStatement("INSERT INTO tickets (id, local_date, number, origin_service, service, kind, "
        + "appointment_id, slot_start, due_at, issued_at, status, counter, calls, first_called_at, last_called_at, "
        + "finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    event = c.prepareStatement("INSERT INTO ticket_events (ticket_id, type, at, local_date, service, counter) "
        + "VALUES (?,?,?,?,?,?)");
  }

  void count() throws SQLException {
    if (++pending >= 20_000) {
      flush();
    }
  }

  void flush() throws SQLException {
    // Appointments first: tickets refer to them.
    appointment.executeBatch();
    ticket.executeBatch();
    event.executeBatch();
    scan.executeBatch();
    pending = 0;
  }

  @Override
  public void close() throws SQLException {
    flush();
    for (PreparedStatement p : new ArrayList<>(List.of(appointment, scan, ticket, event))) {
      p.close();
    }
  }

  static void setLong(PreparedStatement p, int i, Long v) throws SQLException {
    if (v == null) {
      p.setNull(i, java.sql.Types.INTEGER);
    } else {
      p.setLong(i, v);
    }
  }
}
