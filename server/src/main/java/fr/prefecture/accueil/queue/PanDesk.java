package fr.prefecture.accueil.queue;

import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** PAN slots: the day's slots, a visitor already on site put in the next free one, slots opened or closed. */
record PanDesk(SiteTime time, TicketRepository tickets, Queues queues) {
  /** A visitor added at the desk: the ticket, and the slot given if any. */
  record Added(Ticket ticket, Optional<PanDay.Slot> slot) {}

  Site.Service pan(String code) {
    Site.Service service = queues.service(code);
    if (service.pan().isEmpty()) {
      throw new ApiException(404, "not_a_pan", "Service '" + code + "' has no PAN slots");
    }
    return service;
  }

  Future<List<PanDay.Slot>> slots(Site.Service service) {
    return slots(tickets.reads(), service, time.today(), time.now());
  }

  /** Free places left today in the open slots not over yet. */
  Future<Integer> placesLeft(Site.Service service) {
    Instant now = time.now();
    return slots(service).map(slots -> slots.stream().filter(s -> s.end().isAfter(now))
        .mapToInt(PanDay.Slot::free).sum());
  }

  private Future<List<PanDay.Slot>> slots(TicketRepository.Store store, Site.Service service, LocalDate day,
      Instant now) {
    return store.bookings(service.code(), day).compose(bookings -> store.slotTickets(service.code(), day)
        .compose(walkIns -> store.slotStates(service.code(), day)
            .map(states -> PanDay.slots(service.pan().orElseThrow(), day, time.zone(),
                service.admission().grace(), now, bookings, walkIns, states))));
  }

  /**
   * Gives a visitor on site the next free slot (reading and taking it in one transaction, so two
   * desks never give the last place twice), or a plain walk-in ticket when {@code toSlot} is false.
   */
  Future<Added> add(Site.Service service, boolean toSlot, String staff) {
    if (!toSlot) {
      return queues.issue(service, Optional.empty(), staff).map(t -> new Added(t, Optional.empty()));
    }
    LocalDate day = time.today();
    Instant now = time.now();
    return tickets.transaction(store -> slots(store, service, day, now).compose(slots -> {
      PanDay.Slot slot = PanDay.nextFree(slots, now)
          .orElseThrow(() -> ApiException.conflict("no_free_slot", "No free slot left today for '" + service.code()
              + "': add the visitor to the walk-in queue instead"));
      return queues.issue(store, service, Optional.of(slot.start()), staff).map(t -> new Added(t, Optional.of(slot)));
    })).onSuccess(a -> queues.queueChanged(service.code()));
  }

  /** Opens or closes the slot starting at the given local time today. */
  Future<PanDay.Slot> setOpen(Site.Service service, String localStart, boolean open, String staff) {
    LocalTime start;
    try {
      start = LocalTime.parse(localStart);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("invalid_slot", "'" + localStart + "' is not a time HH:MM");
    }
    LocalDate day = time.today();
    return slots(service).compose(slots -> {
      PanDay.Slot slot = slots.stream().filter(s -> s.local().equals(start)).findFirst().orElseThrow(
          () -> new ApiException(404, "unknown_slot", "No slot of '" + service.code() + "' starts at " + start));
      return tickets.transaction(store -> store.setSlot(service.code(), slot.start(), day, open, time.now(), staff))
          .compose(v -> slots(service))
          .map(after -> after.stream().filter(s -> s.start().equals(slot.start())).findFirst().orElseThrow());
    }).onSuccess(s -> queues.queueChanged(service.code()));
  }
}
