package fr.prefecture.accueil.queue;

import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.JsonInput;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.site.SiteApi;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Queues, counters, tickets and PAN slots over HTTP. */
record QueueApi(Queues queues, PanDesk pan, SiteTime time) {
  void mount(Routes routes) {
    routes.with(Role.AGENT).post("/queues/:service/tickets").respond(this::walkIn);
    routes.with(Role.AGENT, Role.MANAGER).get("/queues/:service").respond(this::queue);
    routes.with(Role.AGENT).get("/counters/:counter").respond(this::counter);
    routes.with(Role.AGENT).post("/counters/:counter/call").respond(this::callNext);
    routes.with(Role.AGENT).post("/counters/:counter/call/:id").respond(this::callTicket);
    routes.with(Role.AGENT, Role.MANAGER).get("/tickets/:id").respond(this::ticket);
    routes.with(Role.AGENT).post("/tickets/:id/recall").respond(this::recall);
    routes.with(Role.AGENT).post("/tickets/:id/served").respond(this::served);
    routes.with(Role.AGENT).post("/tickets/:id/absent").respond(this::absent);
    routes.with(Role.AGENT).post("/tickets/:id/transfer").respond(this::transfer);
    routes.with(Role.AGENT, Role.MANAGER).get("/pan/:service/slots").respond(this::slots);
    routes.with(Role.AGENT).post("/pan/:service/visitors").respond(this::addVisitor);
    routes.with(Role.AGENT).post("/pan/:service/slots/:start/open").respond(ctx -> setOpen(ctx, true));
    routes.with(Role.AGENT).post("/pan/:service/slots/:start/close").respond(ctx -> setOpen(ctx, false));
  }

  Future<JsonObject> walkIn(RoutingContext ctx) {
    Site.Service service = queues.service(ctx.pathParam("service"));
    return queues.issue(service, Optional.empty(), staff(ctx)).map(t -> {
      ctx.response().setStatusCode(201);
      return json(t);
    });
  }

  Future<JsonObject> queue(RoutingContext ctx) {
    Site.Service service = queues.service(ctx.pathParam("service"));
    return queues.waiting(service).compose(waiting -> queues.today(service.code()).map(all -> {
      JsonArray ordered = new JsonArray();
      for (int i = 0; i < waiting.size(); i++) {
        ordered.add(json(waiting.get(i)).put("position", i + 1));
      }
      return new JsonObject().put("service", service.code())
          .put("name", SiteApi.text(service.name()))
          .put("date", time.today().toString()).put("rule", service.queue().rule().code())
          .put("absentAfterCalls", service.queue().absentAfterCalls())
          .put("counters", new JsonArray(service.counters()))
          .put("waiting", ordered)
          .put("called", array(all.stream().filter(t -> t.status() == Ticket.Status.CALLED).toList()))
          .put("served", count(all, Ticket.Status.SERVED))
          .put("absent", count(all, Ticket.Status.ABSENT));
    }));
  }

  Future<JsonObject> counter(RoutingContext ctx) {
    String counter = ctx.pathParam("counter");
    Site.Service service = queues.serviceOfCounter(counter);
    return queues.current(counter).map(current -> {
      JsonObject out = new JsonObject().put("counter", counter).put("service", service.code());
      current.ifPresent(t -> out.put("current", json(t)));
      return out;
    });
  }

  /** The called ticket, or 204 when nobody waits. */
  Future<JsonObject> callNext(RoutingContext ctx) {
    return queues.callNext(ctx.pathParam("counter"), staff(ctx)).map(called -> called.map(this::json).orElse(null));
  }

  Future<JsonObject> callTicket(RoutingContext ctx) {
    return queues.callTicket(ctx.pathParam("counter"), JsonInput.pathId(ctx, "id"), staff(ctx)).map(this::json);
  }

  Future<JsonObject> ticket(RoutingContext ctx) {
    long id = JsonInput.pathId(ctx, "id");
    return queues.find(id).map(t -> json(t.orElseThrow(() -> ApiException.notFound("Ticket " + id))));
  }

  Future<JsonObject> recall(RoutingContext ctx) {
    return queues.recall(JsonInput.pathId(ctx, "id"), staff(ctx)).map(this::json);
  }

  Future<JsonObject> served(RoutingContext ctx) {
    return queues.served(JsonInput.pathId(ctx, "id"), staff(ctx)).map(this::json);
  }

  Future<JsonObject> absent(RoutingContext ctx) {
    return queues.absent(JsonInput.pathId(ctx, "id"), staff(ctx)).map(this::json);
  }

  Future<JsonObject> transfer(RoutingContext ctx) {
    long id = JsonInput.pathId(ctx, "id");
    String service = JsonInput.string(JsonInput.object(ctx), "service");
    return queues.transfer(id, service, staff(ctx)).map(this::json);
  }

  Future<JsonObject> slots(RoutingContext ctx) {
    Site.Service service = pan.pan(ctx.pathParam("service"));
    return pan.slots(service).map(slots -> {
      Site.PanSlots config = service.pan().orElseThrow();
      return new JsonObject().put("service", service.code())
          .put("name", SiteApi.text(service.name()))
          .put("date", time.today().toString()).put("slotMinutes", config.slotMinutes())
          .put("capacity", config.capacity()).put("graceMinutes", service.admission().grace().toMinutes())
          .put("slots", new JsonArray(slots.stream().map(this::json).toList()));
    });
  }

  Future<JsonObject> addVisitor(RoutingContext ctx) {
    Site.Service service = pan.pan(ctx.pathParam("service"));
    String to = JsonInput.optionalString(JsonInput.object(ctx), "to").orElse("slot");
    if (!to.equals("slot") && !to.equals("queue")) {
      throw ApiException.badRequest("invalid_field", "Field 'to' must be 'slot' or 'queue'");
    }
    return pan.add(service, to.equals("slot"), staff(ctx)).map(added -> {
      ctx.response().setStatusCode(201);
      JsonObject out = json(added.ticket());
      added.slot().ifPresent(s -> out.put("slot", slotTimes(s)));
      return out;
    });
  }

  Future<JsonObject> setOpen(RoutingContext ctx, boolean open) {
    Site.Service service = pan.pan(ctx.pathParam("service"));
    return pan.setOpen(service, ctx.pathParam("start"), open, staff(ctx)).map(this::json);
  }

  private static String staff(RoutingContext ctx) {
    return Access.caller(ctx).name();
  }

  private static long count(List<Ticket> all, Ticket.Status status) {
    return all.stream().filter(t -> t.status() == status).count();
  }

  private JsonArray array(List<Ticket> tickets) {
    return new JsonArray(tickets.stream().map(this::json).toList());
  }

  JsonObject json(Ticket t) {
    JsonObject o = new JsonObject().put("id", t.id()).put("ticket", t.number()).put("service", t.service())
        .put("originService", t.originService()).put("kind", t.kind().code).put("status", t.status().code())
        .put("calls", t.calls()).put("date", t.day().toString())
        .put("due", iso(t.due())).put("dueLocal", time.localMinutes(t.due()).substring(11))
        .put("issuedAt", iso(t.issued()));
    put(o, "counter", t.counter());
    put(o, "appointmentId", t.appointmentId());
    put(o, "visitor", t.visitorName());
    put(o, "slotStart", iso(t.slotStart()));
    put(o, "transferredAt", iso(t.transferredAt()));
    put(o, "firstCalledAt", iso(t.firstCalledAt()));
    put(o, "lastCalledAt", iso(t.lastCalledAt()));
    put(o, "finishedAt", iso(t.finishedAt()));
    queues.site().service(t.service()).ifPresent(
        s -> o.put("mayMarkAbsent", t.status() == Ticket.Status.CALLED && t.calls() >= s.queue().absentAfterCalls()));
    return o;
  }

  private JsonObject json(PanDay.Slot s) {
    JsonArray bookings = new JsonArray();
    for (PanDay.SlotBooking b : s.bookings()) {
      bookings.add(new JsonObject().put("appointmentId", b.booking().appointmentId())
          .put("visitor", b.booking().name()).put("start", iso(b.booking().start()))
          .put("state", b.state().code));
    }
    return slotTimes(s).put("open", s.open()).put("capacity", s.capacity()).put("free", s.free())
        .put("past", !s.end().isAfter(time.now()))
        .put("bookings", bookings).put("walkIns", array(s.walkIns()));
  }

  private JsonObject slotTimes(PanDay.Slot s) {
    return new JsonObject().put("start", iso(s.start())).put("end", iso(s.end()))
        .put("local", s.local().toString());
  }

  private String iso(Instant instant) {
    return instant == null ? null : time.iso(instant);
  }

  private static void put(JsonObject o, String key, Object value) {
    if (value != null) {
      o.put(key, value);
    }
  }
}
