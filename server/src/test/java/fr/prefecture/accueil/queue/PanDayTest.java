package fr.prefecture.accueil.queue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.prefecture.accueil.site.Site;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PanDayTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final LocalDate DAY = LocalDate.of(2026, 3, 30);
  static final Site.PanSlots PAN = new Site.PanSlots(20, 2, LocalTime.of(9, 0), LocalTime.of(10, 0));
  static final Duration GRACE = Duration.ofMinutes(15);
  static final Instant NINE = Instant.parse("2026-03-30T07:00:00Z");

  static TicketRepository.Booking booking(long id, Instant start, Instant arrived) {
    return new TicketRepository.Booking(id, "V" + id, start, arrived);
  }

  @Test
  void a_booking_is_released_just_after_start_plus_grace_never_at_it() {
    TicketRepository.Booking b = booking(1, NINE, null);
    Instant boundary = NINE.plus(GRACE);
    assertThat(PanDay.state(b, GRACE, boundary.minusMillis(1))).isEqualTo(PanDay.BookingState.EXPECTED);
    assertThat(PanDay.state(b, GRACE, boundary)).isEqualTo(PanDay.BookingState.EXPECTED);
    assertThat(PanDay.state(b, GRACE, boundary.plusMillis(1))).isEqualTo(PanDay.BookingState.RELEASED);
    assertThat(PanDay.state(booking(2, NINE, NINE.plusSeconds(60)), GRACE, boundary.plusMillis(1)))
        .isEqualTo(PanDay.BookingState.ARRIVED);
  }

  @Test
  void released_places_go_back_to_walk_ins_and_closed_slots_have_none() {
    List<TicketRepository.Booking> bookings = List.of(booking(1, NINE, null), booking(2, NINE, null));
    Instant boundary = NINE.plus(GRACE);
    List<PanDay.Slot> before = PanDay.slots(PAN, DAY, PARIS, GRACE, boundary, bookings, List.of(), Map.of());
    assertThat(before).extracting(PanDay.Slot::local)
        .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 20), LocalTime.of(9, 40));
    assertThat(before.get(0).free()).isZero();
    assertThat(PanDay.nextFree(before, boundary).orElseThrow().local()).isEqualTo(LocalTime.of(9, 20));

    Instant after = boundary.plusMillis(1);
    List<PanDay.Slot> released = PanDay.slots(PAN, DAY, PARIS, GRACE, after, bookings, List.of(), Map.of());
    assertThat(released.get(0).free()).isEqualTo(2);
    assertThat(PanDay.nextFree(released, after).orElseThrow().local()).isEqualTo(LocalTime.of(9, 0));

    Map<Long, Boolean> closed = Map.of(released.get(0).start().toEpochMilli(), false);
    List<PanDay.Slot> withClosed = PanDay.slots(PAN, DAY, PARIS, GRACE, after, bookings, List.of(), closed);
    assertThat(withClosed.get(0).open()).isFalse();
    assertThat(withClosed.get(0).free()).isZero();
    assertThat(PanDay.nextFree(withClosed, after).orElseThrow().local()).isEqualTo(LocalTime.of(9, 20));
    assertThat(PanDay.nextFree(withClosed, NINE.plusSeconds(3600))).isEmpty();
  }
}
