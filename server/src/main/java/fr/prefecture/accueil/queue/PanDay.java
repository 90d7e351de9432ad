package fr.prefecture.accueil.queue;

import fr.prefecture.accueil.site.Site;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The day's slots of one digital help desk (PAN), computed from its configuration, the booked
 * appointments, the walk-ins given a slot, the slots staff closed, and the clock. A booking whose
 * visitor has not arrived by start + grace is released: its place goes back to walk-ins. The gate
 * admits a late visitor up to start + grace inclusive, so the release happens just after.
 */
final class PanDay {
  enum BookingState {
    ARRIVED("arrived"),
    EXPECTED("expected"),
    RELEASED("released");

    final String code;

    BookingState(String code) {
      this.code = code;
    }
  }

  record SlotBooking(TicketRepository.Booking booking, BookingState state) {}

  record Slot(Instant start, Instant end, LocalTime local, boolean open, int capacity, List<SlotBooking> bookings,
      List<Ticket> walkIns, int free) {}

  private PanDay() {}

  static BookingState state(TicketRepository.Booking b, Duration grace, Instant now) {
    if (b.arrivedAt() != null) {
      return BookingState.ARRIVED;
    }
    return now.isAfter(b.start().plus(grace)) ? BookingState.RELEASED : BookingState.EXPECTED;
  }

  static List<Slot> slots(Site.PanSlots pan, LocalDate day, ZoneId zone, Duration grace, Instant now,
      List<TicketRepository.Booking> bookings, List<Ticket> walkIns, Map<Long, Boolean> states) {
    List<Slot> out = new ArrayList<>();
    for (LocalTime t = pan.opens(); !t.plusMinutes(pan.slotMinutes()).isAfter(pan.closes())
        && !t.plusMinutes(pan.slotMinutes()).isBefore(t); t = t.plusMinutes(pan.slotMinutes())) {
      Instant start = day.atTime(t).atZone(zone).toInstant();
      Instant end = day.atTime(t.plusMinutes(pan.slotMinutes())).atZone(zone).toInstant();
      List<SlotBooking> in = bookings.stream().filter(b -> !b.start().isBefore(start) && b.start().isBefore(end))
          .map(b -> new SlotBooking(b, state(b, grace, now))).toList();
      List<Ticket> taken = walkIns.stream().filter(w -> start.equals(w.slotStart())).toList();
      boolean open = states.getOrDefault(start.toEpochMilli(), true);
      long held = in.stream().filter(b -> b.state() != BookingState.RELEASED).count();
      int free = open ? (int) Math.max(0, pan.capacity() - held - taken.size()) : 0;
      out.add(new Slot(start, end, t, open, pan.capacity(), in, taken, free));
      if (t.plusMinutes(pan.slotMinutes()).equals(LocalTime.MIDNIGHT)) {
        break;
      }
    }
    return out;
  }

  /** The first open slot not over yet with a free place. */
  static Optional<Slot> nextFree(List<Slot> slots, Instant now) {
    return slots.stream().filter(s -> s.end().isAfter(now) && s.free() > 0).findFirst();
  }
}
