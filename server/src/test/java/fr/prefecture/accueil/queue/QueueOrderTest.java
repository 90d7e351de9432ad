package fr.prefecture.accueil.queue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.site.Site.QueueRule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueOrderTest {
  static final Instant NINE = Instant.parse("2026-03-30T07:00:00Z");

  static Ticket ticket(long id, Ticket.Kind kind, int dueMinute, Integer transferredMinute) {
    return new Ticket(id, LocalDate.of(2026, 3, 30), "X" + id, "s", "s", kind, null, null,
        NINE.plusSeconds(60L * dueMinute), NINE,
        transferredMinute == null ? null : NINE.plusSeconds(60L * transferredMinute),
        Ticket.Status.WAITING, null, 0, null, null, null, null);
  }

  static final Ticket A10 = ticket(1, Ticket.Kind.APPOINTMENT, 10, null);
  static final Ticket A20 = ticket(2, Ticket.Kind.APPOINTMENT, 20, null);
  static final Ticket W5 = ticket(3, Ticket.Kind.WALK_IN, 5, null);
  static final Ticket W15 = ticket(4, Ticket.Kind.WALK_IN, 15, null);
  static final Ticket S0 = ticket(5, Ticket.Kind.SLOT, 0, null);
  static final Ticket T30 = ticket(6, Ticket.Kind.WALK_IN, 1, 30);
  static final List<Ticket> ALL = List.of(W15, A20, T30, W5, A10, S0);

  static List<Long> ids(List<Ticket> tickets) {
    return tickets.stream().map(Ticket::id).toList();
  }

  @Test
  void appointments_first_puts_booked_visitors_by_time_then_walk_ins_first_come_first_served() {
    assertThat(ids(QueueOrder.order(ALL, QueueRule.APPOINTMENTS_FIRST, Optional.empty())))
        .containsExactly(6L, 5L, 1L, 2L, 3L, 4L);
  }

  @Test
  void by_time_merges_both_lines_on_appointment_time_and_ticket_time() {
    assertThat(ids(QueueOrder.order(ALL, QueueRule.BY_TIME, Optional.empty())))
        .containsExactly(6L, 5L, 3L, 1L, 4L, 2L);
  }

  @Test
  void alternate_takes_one_of_each_line_in_turn_starting_after_the_last_call() {
    assertThat(ids(QueueOrder.order(ALL, QueueRule.ALTERNATE, Optional.empty())))
        .containsExactly(6L, 5L, 3L, 1L, 4L, 2L);
    assertThat(ids(QueueOrder.order(ALL, QueueRule.ALTERNATE, Optional.of(true))))
        .containsExactly(6L, 3L, 5L, 4L, 1L, 2L);
    assertThat(ids(QueueOrder.order(List.of(A10, A20, W5), QueueRule.ALTERNATE, Optional.of(false))))
        .containsExactly(1L, 3L, 2L);
  }

  @Test
  void transferred_visitors_come_first_in_the_order_they_were_transferred() {
    Ticket t40 = ticket(7, Ticket.Kind.APPOINTMENT, 0, 40);
    assertThat(ids(QueueOrder.order(List.of(t40, A10, T30), QueueRule.BY_TIME, Optional.empty())))
        .containsExactly(6L, 7L, 1L);
  }
}
