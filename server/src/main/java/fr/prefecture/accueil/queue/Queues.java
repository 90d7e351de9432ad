package fr.prefecture.accueil.queue;

import fr.prefecture.accueil.events.Events;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.site.SiteApi;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The queue rules: who is called next, what may be done to a ticket in which state. Each change is
 * one transaction; the screens and counter pages are told on the event bus once it is committed.
 */
record Queues(Site site, SiteTime time, TicketRepository tickets, EventBus bus) {
  /** A committed change: the ticket as it now is, and what to publish about it. */
  record Change(Ticket ticket, Optional<JsonObject> call, Set<String> services) {}

  Site.Service service(String code) {
    return site.service(code)
        .orElseThrow(() -> new ApiException(404, "unknown_service", "Unknown service '" + code + "'"));
  }

  Site.Service serviceOfCounter(String counter) {
    return site.serviceOfCounter(counter)
        .orElseThrow(() -> new ApiException(404, "unknown_counter", "Unknown counter '" + counter + "'"));
  }

  /**
   * Creates the tickets of today's arrived appointments that have none yet. The gate's event only
   * makes this happen sooner: every read and call runs it first, so no arrival is ever missed.
   */
  Future<Void> takeArrivals() {
    LocalDate day = time.today();
    return tickets.reads().missingArrivals(day).compose(missing -> {
      if (missing.stream().noneMatch(a -> site.service(a.service()).isPresent())) {
        return Future.succeededFuture();
      }
      return tickets.transaction(store -> takeArrivals(store, day))
          .onSuccess(services -> services.forEach(this::queueChanged)).mapEmpty();
    });
  }

  private Future<Set<String>> takeArrivals(TicketRepository.Store store, LocalDate day) {
    Instant now = time.now();
    return store.missingArrivals(day).compose(missing -> {
      Set<String> services = new LinkedHashSet<>();
      Future<Void> chain = Future.succeededFuture();
      for (TicketRepository.Arrival a : missing) {
        Optional<Site.Service> service = site.service(a.service());
        if (service.isEmpty()) {
          continue;
        }
        services.add(a.service());
        chain = chain.compose(v -> store.nextNumber(a.service(), day))
            .compose(n -> store.insert(new TicketRepository.NewTicket(day, number(service.get(), n), a.service(),
                Ticket.Kind.APPOINTMENT, a.appointmentId(), null, a.start(), now)))
            .compose(id -> store.event(id, "arrival", a.arrivedAt(), day, a.service(), null, null, null));
      }
      return chain.map(v -> services);
    });
  }

  static String number(Site.Service service, int n) {
    return service.ticketPrefix() + String.format("%03d", n);
  }

  /** Every ticket of the service today (after taking arrivals). */
  Future<List<Ticket>> today(String service) {
    service(service);
    return takeArrivals().compose(v -> tickets.reads().ofService(time.today(), service));
  }

  /** The waiting tickets of the service in the order they will be called. */
  Future<List<Ticket>> waiting(TicketRepository.Store store, Site.Service service, LocalDate day) {
    return store.ofService(day, service.code()).compose(all -> store.lastCallBooked(service.code(), day)
        .map(last -> QueueOrder.order(all.stream().filter(t -> t.status() == Ticket.Status.WAITING).toList(),
            service.queue().rule(), last)));
  }

  Future<List<Ticket>> waiting(Site.Service service) {
    return takeArrivals().compose(v -> waiting(tickets.reads(), service, time.today()));
  }

  Future<Optional<Ticket>> current(String counter) {
    serviceOfCounter(counter);
    return tickets.reads().calledAt(counter, time.today());
  }

  Future<Optional<Ticket>> find(long id) {
    return tickets.reads().find(id);
  }

  /** A walk-in ticket (or, with a slot, a PAN visitor given that slot), in its own transaction. */
  Future<Ticket> issue(Site.Service service, Optional<Instant> slot, String staff) {
    return tickets.transaction(store -> issue(store, service, slot, staff))
        .onSuccess(t -> queueChanged(t.service()));
  }

  Future<Ticket> issue(TicketRepository.Store store, Site.Service service, Optional<Instant> slot, String staff) {
    LocalDate day = time.today();
    Instant now = time.now();
    return store.nextNumber(service.code(), day)
        .compose(n -> store.insert(new TicketRepository.NewTicket(day, number(service, n), service.code(),
            slot.isPresent() ? Ticket.Kind.SLOT : Ticket.Kind.WALK_IN, null, slot.orElse(null), slot.orElse(now), now)))
        .compose(id -> store.event(id, "issued", now, day, service.code(), null, staff, null)
            .compose(v -> store.find(id)).map(Optional::orElseThrow));
  }

  /** Calls the next waiting visitor of the counter's service; empty when nobody waits. */
  Future<Optional<Ticket>> callNext(String counter, String staff) {
    Site.Service service = serviceOfCounter(counter);
    LocalDate day = time.today();
    return tickets.transaction(store -> takeArrivals(store, day)
        .compose(v -> counterFree(store, counter, day))
        .compose(v -> waiting(store, service, day))
        .compose(order -> order.isEmpty()
            ? Future.succeededFuture(Optional.<Change>empty())
            : call(store, order.get(0), counter, staff).map(Optional::of)))
        .map(change -> change.map(this::published));
  }

  /** Calls the given waiting ticket out of turn. */
  Future<Ticket> callTicket(String counter, long id, String staff) {
    Site.Service service = serviceOfCounter(counter);
    LocalDate day = time.today();
    return tickets.transaction(store -> counterFree(store, counter, day)
        .compose(v -> ticket(store, id))
        .compose(t -> {
          if (!t.service().equals(service.code())) {
            throw ApiException.conflict("other_service", "Ticket " + t.number() + " waits for '" + t.service()
                + "', not for counter " + counter + " ('" + service.code() + "')");
          }
          if (t.status() != Ticket.Status.WAITING) {
            throw ApiException.conflict("not_waiting", "Ticket " + t.number() + " is " + t.status().code()
                + ", not waiting");
          }
          return call(store, t, counter, staff);
        }))
        .map(this::published);
  }

  Future<Ticket> recall(long id, String staff) {
    return tickets.transaction(store -> ticket(store, id).compose(t -> {
      if (t.status() != Ticket.Status.CALLED) {
        throw notCalled(t);
      }
      Instant now = time.now();
      return store.markCalled(t.id(), Ticket.Status.CALLED, t.counter(), now)
          .compose(v -> store.event(t.id(), "recall", now, t.day(), t.service(), t.counter(), staff, null))
          .compose(v -> store.call(t.id(), t.number(), t.service(), t.counter(), now, t.day(), "recall", null))
          .compose(v -> store.find(t.id())).map(Optional::orElseThrow)
          .map(after -> new Change(after, Optional.of(callMessage(after, "recall", now, null)), Set.of(t.service())));
    })).map(this::published);
  }

  Future<Ticket> served(long id, String staff) {
    return finish(id, Ticket.Status.SERVED, staff);
  }

  Future<Ticket> absent(long id, String staff) {
    return finish(id, Ticket.Status.ABSENT, staff);
  }

  private Future<Ticket> finish(long id, Ticket.Status to, String staff) {
    return tickets.transaction(store -> ticket(store, id).compose(t -> {
      if (t.status() != Ticket.Status.CALLED) {
        throw notCalled(t);
      }
      int needed = service(t.service()).queue().absentAfterCalls();
      if (to == Ticket.Status.ABSENT && t.calls() < needed) {
        throw ApiException.conflict("too_few_calls", "Ticket " + t.number() + " was called " + t.calls()
            + " time(s); recall it until " + needed + " calls before marking it absent");
      }
      Instant now = time.now();
      return store.finish(t.id(), to, now)
          .compose(v -> store.event(t.id(), to.code(), now, t.day(), t.service(), t.counter(), staff, null))
          .compose(v -> store.find(t.id())).map(Optional::orElseThrow)
          .map(after -> new Change(after, Optional.empty(), Set.of(t.service())));
    })).map(this::published);
  }

  /** Sends the visitor to another service's queue; the screens and the call tell them where to go. */
  Future<Ticket> transfer(long id, String to, String staff) {
    Site.Service target = site.service(to)
        .orElseThrow(() -> ApiException.badRequest("unknown_service", "Unknown service '" + to + "'"));
    return tickets.transaction(store -> ticket(store, id).compose(t -> {
      if (t.finished()) {
        throw finished(t);
      }
      if (t.service().equals(to)) {
        throw ApiException.badRequest("same_service", "Ticket " + t.number() + " is already in '" + to + "'");
      }
      Instant now = time.now();
      JsonObject where = destination(target);
      return store.transfer(t.id(), to, now)
          .compose(v -> store.event(t.id(), "transfer", now, t.day(), t.service(), t.counter(), staff, to))
          .compose(v -> store.call(t.id(), t.number(), t.service(), t.counter(), now, t.day(), "transfer",
              where.encode()))
          .compose(v -> store.find(t.id())).map(Optional::orElseThrow)
          .map(after -> new Change(after, Optional.of(callMessage(t, "transfer", now, where)),
              new LinkedHashSet<>(List.of(t.service(), to))));
    })).map(this::published);
  }

  private Future<Change> call(TicketRepository.Store store, Ticket t, String counter, String staff) {
    Instant now = time.now();
    return store.markCalled(t.id(), Ticket.Status.WAITING, counter, now)
        .compose(updated -> {
          if (!updated) {
            throw ApiException.conflict("not_waiting", "Ticket " + t.number() + " is no longer waiting");
          }
          return store.event(t.id(), "call", now, t.day(), t.service(), counter, staff, null);
        })
        .compose(v -> store.call(t.id(), t.number(), t.service(), counter, now, t.day(), "call", null))
        .compose(v -> store.find(t.id())).map(Optional::orElseThrow)
        .map(after -> new Change(after, Optional.of(callMessage(after, "call", now, null)), Set.of(t.service())));
  }

  private Future<Void> counterFree(TicketRepository.Store store, String counter, LocalDate day) {
    return store.calledAt(counter, day).map(current -> {
      if (current.isPresent()) {
        throw ApiException.conflict("counter_busy", "Counter " + counter + " is still serving ticket "
            + current.get().number() + ": mark it served, absent or transferred first");
      }
      return null;
    });
  }

  private Future<Ticket> ticket(TicketRepository.Store store, long id) {
    return store.find(id).map(t -> t.orElseThrow(() -> ApiException.notFound("Ticket " + id)))
        .map(t -> {
          if (!t.day().equals(time.today())) {
            throw ApiException.conflict("not_today", "Ticket " + t.number() + " belongs to " + t.day());
          }
          return t;
        });
  }

  private static ApiException notCalled(Ticket t) {
    return t.finished() ? finished(t)
        : ApiException.conflict("not_called", "Ticket " + t.number() + " has not been called");
  }

  private static ApiException finished(Ticket t) {
    return ApiException.conflict("ticket_finished", "Ticket " + t.number() + " is already " + t.status().code());
  }

  /** Where a transferred visitor must go: the contract's transferTo. */
  JsonObject destination(Site.Service s) {
    return new JsonObject().put("service", s.code())
        .put("name", SiteApi.text(s.name()))
        .put("building", s.location().building()).put("floor", s.location().floor())
        .put("zone", s.location().zone())
        .put("room", SiteApi.text(s.location().room()));
  }

  private static JsonObject callMessage(Ticket t, String kind, Instant at, JsonObject transferTo) {
    JsonObject m = new JsonObject().put("ticketId", t.id()).put("ticket", t.number()).put("service", t.service())
        .put("counter", t.counter()).put("at", at.toString()).put("kind", kind);
    return transferTo == null ? m : m.put("transferTo", transferTo);
  }

  private Ticket published(Change change) {
    change.call().ifPresent(m -> bus.publish(Events.CALLS, m));
    change.services().forEach(this::queueChanged);
    return change.ticket();
  }

  void queueChanged(String service) {
    bus.publish(Events.QUEUES, new JsonObject().put("service", service));
  }
}
