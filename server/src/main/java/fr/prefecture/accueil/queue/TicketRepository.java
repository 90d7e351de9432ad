package fr.prefecture.accueil.queue;

import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.db.NamedSql;
import fr.prefecture.accueil.db.Params;
import fr.prefecture.accueil.db.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tickets, their steps, the calls shown on screens, and PAN slot states. Every change runs in one
 * immediate transaction ({@link #transaction}): SQLite has one writer, so two counters calling at
 * the same moment are serialised and never get the same ticket.
 */
final class TicketRepository {
  private static final String TICKET = """
      SELECT t.id, t.local_date, t.number, t.origin_service, t.service, t.kind, t.appointment_id, t.slot_start,
        t.due_at, t.issued_at, t.transferred_at, t.status, t.counter, t.calls, t.first_called_at,
        t.last_called_at, t.finished_at, a.visitor_name
      FROM tickets t LEFT JOIN appointments a ON a.id = t.appointment_id
      """;

  /** An appointment whose visitor was admitted at the gate and has no ticket yet. */
  record Arrival(long appointmentId, String service, Instant start, Instant arrivedAt) {}

  /** A booked PAN appointment of the day. */
  record Booking(long appointmentId, String name, Instant start, Instant arrivedAt) {}

  /** A ticket to store. */
  record NewTicket(LocalDate day, String number, String service, Ticket.Kind kind, Long appointmentId,
      Instant slotStart, Instant due, Instant issued) {}

  private final Pool pool;

  TicketRepository(Pool pool) {
    this.pool = pool;
  }

  /** Runs the work in one BEGIN IMMEDIATE transaction; committed when the future succeeds. */
  <T> Future<T> transaction(Function<Store, Future<T>> work) {
    return Database.transaction(pool, conn -> work.apply(new Store(conn)));
  }

  /** Reads outside a transaction. */
  Store reads() {
    return new Store(pool);
  }

  /** The queries, on the pool or on a transaction's connection. */
  static final class Store {
    private static final NamedSql MISSING_ARRIVALS = NamedSql.of("""
        SELECT a.id, a.service, a.start_at, a.arrived_at FROM appointments a
        WHERE a.local_date = #{day} AND a.arrived_at IS NOT NULL AND a.status <> 'cancelled'
          AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.appointment_id = a.id)
        ORDER BY a.arrived_at, a.id""");
    private static final NamedSql NEXT_NUMBER = NamedSql.of("""
        INSERT INTO ticket_numbers (service, local_date, last) VALUES (#{service}, #{day}, 1)
        ON CONFLICT (service, local_date) DO UPDATE SET last = last + 1
        RETURNING last""");
    private static final NamedSql INSERT = NamedSql.of("""
        INSERT INTO tickets (local_date, number, origin_service, service, kind, appointment_id, slot_start,
          due_at, issued_at)
        VALUES (#{day}, #{number}, #{service}, #{service}, #{kind}, #{appointment}, #{slot}, #{due}, #{issued})
        RETURNING id""");
    private static final NamedSql EVENT = NamedSql.of("""
        INSERT INTO ticket_events (ticket_id, type, at, local_date, service, counter, staff, detail)
        VALUES (#{ticket}, #{type}, #{at}, #{day}, #{service}, #{counter}, #{staff}, #{detail})""");
    private static final NamedSql CALL = NamedSql.of("""
        INSERT INTO calls (ticket_id, ticket, service, counter, at, local_date, kind, transfer_to)
        VALUES (#{ticket}, #{number}, #{service}, #{counter}, #{at}, #{day}, #{kind}, #{transferTo})""");
    private static final NamedSql OF_SERVICE = NamedSql.of(TICKET
        + " WHERE t.local_date = #{day} AND t.service = #{service}");
    private static final NamedSql BY_ID = NamedSql.of(TICKET + " WHERE t.id = #{id}");
    private static final NamedSql CALLED_AT = NamedSql.of(TICKET
        + " WHERE t.local_date = #{day} AND t.counter = #{counter} AND t.status = 'called' ORDER BY t.id LIMIT 1");
    private static final NamedSql LAST_CALL_KIND = NamedSql.of("""
        SELECT t.kind FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.local_date = #{day} AND e.service = #{service} AND e.type = 'call'
        ORDER BY e.id DESC LIMIT 1""");
    private static final NamedSql MARK_CALLED = NamedSql.of("""
        UPDATE tickets SET status = 'called', counter = #{counter}, calls = calls + 1,
          first_called_at = COALESCE(first_called_at, #{at}), last_called_at = #{at}
        WHERE id = #{id} AND status = #{from}""");
    private static final NamedSql FINISH = NamedSql.of("""
        UPDATE tickets SET status = #{to}, finished_at = #{at} WHERE id = #{id} AND status = 'called'""");
    private static final NamedSql TRANSFER = NamedSql.of("""
        UPDATE tickets SET service = #{service}, status = 'waiting', counter = NULL, calls = 0,
          transferred_at = #{at}
        WHERE id = #{id} AND status IN ('waiting', 'called')""");
    private static final NamedSql BOOKINGS = NamedSql.of("""
        SELECT id, visitor_name, start_at, arrived_at FROM appointments
        WHERE local_date = #{day} AND service = #{service} AND status <> 'cancelled' ORDER BY start_at, id""");
    private static final NamedSql SLOT_TICKETS = NamedSql.of(TICKET
        + " WHERE t.local_date = #{day} AND t.origin_service = #{service} AND t.kind = 'slot' ORDER BY t.id");
    private static final NamedSql SLOT_STATES = NamedSql.of("""
        SELECT start_at, open FROM pan_slots WHERE service = #{service} AND local_date = #{day}""");
    private static final NamedSql SET_SLOT = NamedSql.of("""
        INSERT INTO pan_slots (service, start_at, local_date, open, changed_at, staff)
        VALUES (#{service}, #{start}, #{day}, #{open}, #{at}, #{staff})
        ON CONFLICT (service, start_at) DO UPDATE SET open = excluded.open, changed_at = excluded.changed_at,
          staff = excluded.staff""");

    private final SqlClient client;

    Store(SqlClient client) {
      this.client = client;
    }

    Future<List<Arrival>> missingArrivals(LocalDate day) {
      return MISSING_ARRIVALS.execute(client, Map.of("day", day.toString()))
          .map(rows -> Rows.list(rows, r -> new Arrival(r.getLong("id"), r.getString("service"),
              Instant.ofEpochMilli(r.getLong("start_at")), Instant.ofEpochMilli(r.getLong("arrived_at")))));
    }

    /** The next number of the service's day, allocated inside the caller's transaction. */
    Future<Integer> nextNumber(String service, LocalDate day) {
      return NEXT_NUMBER.execute(client, Map.of("service", service, "day", day.toString()))
          .map(rows -> rows.iterator().next().getInteger("last"));
    }

    Future<Long> insert(NewTicket t) {
      return INSERT.execute(client, Params.of("day", t.day().toString(), "number", t.number(), "service", t.service(),
          "kind", t.kind().code, "appointment", t.appointmentId(),
          "slot", t.slotStart() == null ? null : t.slotStart().toEpochMilli(), "due", t.due().toEpochMilli(),
          "issued", t.issued().toEpochMilli()))
          .map(rows -> rows.iterator().next().getLong("id"));
    }

    Future<Void> event(long ticketId, String type, Instant at, LocalDate day, String service, String counter,
        String staff, String detail) {
      return EVENT.execute(client, Params.of("ticket", ticketId, "type", type, "at", at.toEpochMilli(),
          "day", day.toString(), "service", service, "counter", counter, "staff", staff, "detail", detail))
          .mapEmpty();
    }

    Future<Void> call(long ticketId, String number, String service, String counter, Instant at, LocalDate day,
        String kind, String transferTo) {
      return CALL.execute(client, Params.of("ticket", ticketId, "number", number, "service", service,
          "counter", counter, "at", at.toEpochMilli(), "day", day.toString(), "kind", kind, "transferTo", transferTo))
          .mapEmpty();
    }

    Future<List<Ticket>> ofService(LocalDate day, String service) {
      return OF_SERVICE.execute(client, Map.of("day", day.toString(), "service", service))
          .map(rows -> Rows.list(rows, TicketRepository::ticket));
    }

    Future<Optional<Ticket>> find(long id) {
      return BY_ID.execute(client, Map.of("id", id)).map(rows -> Rows.first(rows, TicketRepository::ticket));
    }

    Future<Optional<Ticket>> calledAt(String counter, LocalDate day) {
      return CALLED_AT.execute(client, Map.of("day", day.toString(), "counter", counter))
          .map(rows -> Rows.first(rows, TicketRepository::ticket));
    }

    /** Whether the service's last first call of the day was for a booked visitor (empty: no call yet). */
    Future<Optional<Boolean>> lastCallBooked(String service, LocalDate day) {
      return LAST_CALL_KIND.execute(client, Map.of("day", day.toString(), "service", service))
          .map(rows -> Rows.first(rows, r -> Ticket.Kind.of(r.getString("kind")).booked()));
    }

    /** Moves a ticket to called (or called again); false when it was not in the expected status. */
    Future<Boolean> markCalled(long id, Ticket.Status from, String counter, Instant at) {
      return MARK_CALLED.execute(client, Map.of("id", id, "from", from.code(), "counter", counter,
          "at", at.toEpochMilli())).map(r -> r.rowCount() == 1);
    }

    Future<Boolean> finish(long id, Ticket.Status to, Instant at) {
      return FINISH.execute(client, Map.of("id", id, "to", to.code(), "at", at.toEpochMilli()))
          .map(r -> r.rowCount() == 1);
    }

    /** Puts the ticket in another service's queue; its calls start again from zero there. */
    Future<Boolean> transfer(long id, String service, Instant at) {
      return TRANSFER.execute(client, Map.of("id", id, "service", service, "at", at.toEpochMilli()))
          .map(r -> r.rowCount() == 1);
    }

    Future<List<Booking>> bookings(String service, LocalDate day) {
      return BOOKINGS.execute(client, Map.of("day", day.toString(), "service", service))
          .map(rows -> Rows.list(rows, r -> new Booking(r.getLong("id"), r.getString("visitor_name"),
              Instant.ofEpochMilli(r.getLong("start_at")), instant(r, "arrived_at"))));
    }

    /** Walk-in tickets given a PAN slot of the service that day. */
    Future<List<Ticket>> slotTickets(String service, LocalDate day) {
      return SLOT_TICKETS.execute(client, Map.of("day", day.toString(), "service", service))
          .map(rows -> Rows.list(rows, TicketRepository::ticket));
    }

    /** Slot starts (epoch ms) staff changed that day, with open or closed. */
    Future<Map<Long, Boolean>> slotStates(String service, LocalDate day) {
      return SLOT_STATES.execute(client, Map.of("day", day.toString(), "service", service))
          .map(rows -> {
            Map<Long, Boolean> out = new HashMap<>();
            rows.forEach(r -> out.put(r.getLong("start_at"), r.getInteger("open") == 1));
            return out;
          });
    }

    Future<Void> setSlot(String service, Instant start, LocalDate day, boolean open, Instant at, String staff) {
      return SET_SLOT.execute(client, Params.of("service", service, "start", start.toEpochMilli(),
          "day", day.toString(), "open", open ? 1 : 0, "at", at.toEpochMilli(), "staff", staff)).mapEmpty();
    }
  }

  static Ticket ticket(Row r) {
    return new Ticket(r.getLong("id"), LocalDate.parse(r.getString("local_date")), r.getString("number"),
        r.getString("origin_service"), r.getString("service"), Ticket.Kind.of(r.getString("kind")),
        r.getLong("appointment_id"), instant(r, "slot_start"), instant(r, "due_at"), instant(r, "issued_at"),
        instant(r, "transferred_at"), Ticket.Status.of(r.getString("status")), r.getString("counter"),
        r.getInteger("calls"), instant(r, "first_called_at"), instant(r, "last_called_at"),
        instant(r, "finished_at"), r.getString("visitor_name"));
  }

  private static Instant instant(Row r, String column) {
    Long ms = r.getLong(column);
    return ms == null ? null : Instant.ofEpochMilli(ms);
  }

}
