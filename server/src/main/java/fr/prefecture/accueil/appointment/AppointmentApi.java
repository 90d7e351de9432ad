package fr.prefecture.accueil.appointment;

import static fr.prefecture.accueil.http.JsonInput.optionalLong;
import static fr.prefecture.accueil.http.JsonInput.optionalString;
import static fr.prefecture.accueil.http.JsonInput.string;

import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.http.ApiErrorWithBody;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.JsonInput;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Appointments pushed by the booking tool or imported from its CSV export; listing; cancelling. */
record AppointmentApi(Site site, SiteTime time, AppointmentRepository appointments, AppointmentCsv csv,
    AuditLog audit, ConvocationIssuer convocations, VisitorMessages messages) {
  static final int MAX_BATCH = 1_000;
  static final long CSV_LIMIT = 8L * 1024 * 1024;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  void mount(Routes routes) {
    routes.with(Role.MANAGER).post("/appointments").respond(this::create);
    routes.with(Role.MANAGER).bodyLimit(CSV_LIMIT).post("/appointments/import").respond(this::importCsv);
    routes.with(Role.MANAGER, Role.AGENT).get("/appointments").respond(this::list);
    routes.with(Role.MANAGER, Role.AGENT).get("/appointments/:id").respond(this::get);
    routes.with(Role.MANAGER).post("/appointments/:id/cancel").respond(this::cancel);
  }

  Future<JsonObject> create(RoutingContext ctx) {
    Object body = JsonInput.value(ctx);
    boolean batch = body instanceof JsonArray;
    List<NewAppointment> rows = new ArrayList<>();
    if (body instanceof JsonArray array) {
      if (array.isEmpty() || array.size() > MAX_BATCH) {
        throw ApiException.badRequest("invalid_body", "A batch holds 1 to " + MAX_BATCH + " appointments");
      }
      for (int i = 0; i < array.size(); i++) {
        if (!(array.getValue(i) instanceof JsonObject o)) {
          throw ApiException.badRequest("invalid_body", "Item [" + i + "] must be an object");
        }
        try {
          rows.add(parse(o));
        } catch (ApiException e) {
          throw new ApiException(e.status(), e.code(), "Item [" + i + "]: " + e.getMessage());
        }
      }
      List<String> refs = rows.stream().map(NewAppointment::reference).filter(r -> r != null).toList();
      if (refs.stream().distinct().count() != refs.size()) {
        throw ApiException.badRequest("duplicate_reference", "The batch holds the same reference twice");
      }
    } else if (body instanceof JsonObject o) {
      rows.add(parse(o));
    } else {
      throw ApiException.badRequest("invalid_body", "The body must be an appointment object or an array of them");
    }
    return appointments.save(rows, time.now().toEpochMilli(), convocations, messages).map(saved -> {
      AppointmentRepository.ImportCounts counts = saved.counts();
      List<Long> ids = saved.ids();
      ctx.response().setStatusCode(counts.created() > 0 ? 201 : 200);
      JsonObject out = new JsonObject().put("created", counts.created())
          .put("updated", counts.updated()).put("unchanged", counts.unchanged());
      return batch ? out.put("ids", new JsonArray(new ArrayList<>(ids))) : out.put("id", ids.get(0));
    });
  }

  private NewAppointment parse(JsonObject o) {
    String serviceCode = string(o, "service");
    Site.Service service = site.service(serviceCode)
        .orElseThrow(() -> ApiException.badRequest("unknown_service", "Unknown service '" + serviceCode + "'"));
    Instant start = time.parseStart("start", string(o, "start"));
    int duration = optionalLong(o, "durationMinutes", 1, 480).map(Long::intValue)
        .orElse(service.defaultDurationMinutes());
    JsonObject visitor = JsonInput.object(o, "visitor");
    String name = string(visitor, "name");
    if (name.length() > 200) {
      throw ApiException.badRequest("invalid_field", "Field 'visitor.name' is longer than 200 characters");
    }
    Optional<String> email = optionalString(visitor, "email");
    if (email.isPresent() && !EMAIL.matcher(email.get()).matches()) {
      throw ApiException.badRequest("invalid_field", "Field 'visitor.email' is not an e-mail address");
    }
    Optional<String> phone = optionalString(visitor, "phone");
    Optional<String> reference = optionalString(o, "reference");
    if (reference.isPresent() && reference.get().length() > 100) {
      throw ApiException.badRequest("invalid_field", "Field 'reference' is longer than 100 characters");
    }
    return new NewAppointment(serviceCode, start, time.dateOf(start), duration, name, email.orElse(null),
        phone.orElse(null), reference.orElse(null));
  }

  Future<JsonObject> importCsv(RoutingContext ctx) {
    boolean dryRun = "true".equalsIgnoreCase(ctx.queryParams().get("dryRun"));
    byte[] bytes = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    // Decoding and checking up to CSV_LIMIT bytes is CPU work of tens of milliseconds: off the event loop.
    return ctx.vertx().executeBlocking(() -> csv.read(bytes), false).compose(result -> saveCsv(ctx, result, dryRun));
  }

  private Future<JsonObject> saveCsv(RoutingContext ctx, AppointmentCsv.Result result, boolean dryRun) {
    if (!result.errors().isEmpty()) {
      int n = result.errors().size();
      throw new ApiErrorWithBody(422, "invalid_csv",
          n + (n == 1 ? " line is" : " lines are") + " invalid; nothing was imported",
          new JsonObject().put("imported", 0).put("dryRun", dryRun).put("errors", result.errorsJson()));
    }
    if (dryRun) {
      return Future.succeededFuture(new JsonObject().put("dryRun", true).put("imported", 0)
          .put("valid", result.rows().size()).put("errors", new JsonArray()));
    }
    return appointments.save(result.rows(), time.now().toEpochMilli(), convocations, messages)
        .map(AppointmentRepository.Saved::counts)
        .compose(counts -> audit.record(ctx, "appointments.imported", null, counts.created() + " new, "
            + counts.updated() + " updated, " + counts.unchanged() + " unchanged").map(counts))
        .map(counts -> new JsonObject().put("dryRun", false).put("imported", counts.created())
            .put("updated", counts.updated()).put("unchanged", counts.unchanged())
            .put("errors", new JsonArray()));
  }

  Future<JsonArray> list(RoutingContext ctx) {
    String date = ctx.queryParams().get("date");
    var day = date == null ? time.today() : time.parseDate("date", date);
    Optional<String> service = Optional.ofNullable(ctx.queryParams().get("service"));
    if (service.isPresent() && site.service(service.get()).isEmpty()) {
      throw ApiException.badRequest("unknown_service", "Unknown service '" + service.get() + "'");
    }
    return appointments.onDay(day, service).map(list -> new JsonArray(list.stream().map(this::json).toList()));
  }

  Future<JsonObject> get(RoutingContext ctx) {
    long id = JsonInput.pathId(ctx, "id");
    return appointments.find(id)
        .map(found -> json(found.orElseThrow(() -> ApiException.notFound("Appointment " + id))));
  }

  Future<JsonObject> cancel(RoutingContext ctx) {
    long id = JsonInput.pathId(ctx, "id");
    return appointments.find(id)
        .compose(found -> {
          if (found.isEmpty()) {
            return Future.failedFuture(ApiException.notFound("Appointment " + id));
          }
          return appointments.cancel(id, time.now().toEpochMilli())
              .compose(changed -> changed ? audit.record(ctx, "appointment.cancelled", String.valueOf(id), null)
                  : Future.succeededFuture());
        })
        .compose(v -> appointments.find(id))
        .map(found -> json(found.orElseThrow()));
  }

  public JsonObject json(Appointment a) {
    JsonObject visitor = new JsonObject().put("name", a.visitorName());
    if (a.email() != null) {
      visitor.put("email", a.email());
    }
    if (a.phone() != null) {
      visitor.put("phone", a.phone());
    }
    JsonObject out = new JsonObject().put("id", a.id()).put("service", a.service())
        .put("start", time.iso(a.start())).put("localStart", time.localMinutes(a.start()))
        .put("date", a.localDate().toString()).put("durationMinutes", a.durationMinutes())
        .put("visitor", visitor).put("reference", a.reference()).put("status", a.status());
    if (a.cancelledAt() != null) {
      out.put("cancelledAt", a.cancelledAt().toString());
    }
    return out;
  }
}
