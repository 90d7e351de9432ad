package fr.prefecture.accueil.gate;

import static fr.prefecture.accueil.http.JsonInput.optionalString;
import static fr.prefecture.accueil.http.JsonInput.string;

import fr.prefecture.accueil.appointment.AppointmentRepository;
import fr.prefecture.accueil.appointment.InvitationRepository;
import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.Caller;
import fr.prefecture.accueil.auth.DeviceKind;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.http.JsonInput;
import fr.prefecture.accueil.kiosk.admission.Direction;
import fr.prefecture.accueil.kiosk.admission.Reason;
import fr.prefecture.accueil.kiosk.admission.Verdict;
import fr.prefecture.accueil.kiosk.convocation.ConvocationKind;
import fr.prefecture.accueil.kiosk.qr.QrDecoder;
import fr.prefecture.accueil.kiosk.qr.UnreadableImageException;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/** The kiosk at the gatehouse: scans, camera frames, lost convocations, who is inside, the scan log. */
public final class KioskApi {
  static final long FRAME_LIMIT = 8L * 1024 * 1024;
  /** Decoding takes a core for ~25–100 ms: a few kiosks need no more, and a flood cannot starve the server. */
  static final int MAX_DECODES_AT_ONCE = 2;
  private static final Pattern SCAN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final int MAX_MATCHES = 20;
  /** The lost-convocation search looks this many days before and after today, for visitors on the wrong day. */
  private static final int SEARCH_DAYS_AROUND = 7;

  /** A visitor found by name; the reference (appointments only) tells homonyms apart. */
  private record Found(Target target, String reference) {}
  /** A kiosk's clock may run a little ahead of the server's. */
  static final Duration OFFLINE_CLOCK_SKEW = Duration.ofMinutes(5);
  /** An offline queue older than this is not replayed (the server was down a whole week?): the guard's log is. */
  static final Duration OFFLINE_MAX_AGE = Duration.ofDays(7);

  private final Vertx vertx;
  private final Site site;
  private final SiteTime time;
  private final Gate gate;
  private final ScanRepository scans;
  private final AppointmentRepository appointments;
  private final InvitationRepository invitations;
  private final OfflinePack pack;
  private final QrDecoder decoder = new QrDecoder();
  private final AtomicInteger decoding = new AtomicInteger();

  KioskApi(Vertx vertx, Site site, SiteTime time, Gate gate, ScanRepository scans,
      AppointmentRepository appointments, InvitationRepository invitations, OfflinePack pack) {
    this.vertx = vertx;
    this.pack = pack;
    this.site = site;
    this.time = time;
    this.gate = gate;
    this.scans = scans;
    this.appointments = appointments;
    this.invitations = invitations;
  }

  public void mount(Routes routes) {
    routes.with(Role.GUARD).devices(DeviceKind.KIOSK).post("/kiosk/scan").respond(this::scan);
    routes.with(Role.GUARD).devices(DeviceKind.KIOSK).get("/kiosk/offline-pack").respond(this::offlinePack);
    routes.with(Role.GUARD).post("/kiosk/admit").respond(this::admit);
    routes.with(Role.GUARD).devices(DeviceKind.KIOSK).bodyLimit(FRAME_LIMIT).post("/kiosk/decode")
        .respond(this::decode);
    routes.with(Role.GUARD).get("/kiosk/appointments").respond(this::search);
    routes.with(Role.GUARD, Role.MANAGER).get("/site/inside").respond(this::inside);
    routes.with(Role.MANAGER).get("/scans").respond(this::log);
  }

  Future<JsonObject> scan(RoutingContext ctx) {
    JsonObject body = JsonInput.object(ctx);
    Gate.Request request = request(ctx, body);
    String code = string(body, "code");
    return gate.scan(request, code);
  }

  Future<JsonObject> admit(RoutingContext ctx) {
    JsonObject body = JsonInput.object(ctx);
    Gate.Request request = request(ctx, body);
    String kind = optionalString(body, "kind").orElse("appointment");
    if (!kind.equals("appointment") && !kind.equals("invitation")) {
      throw ApiException.badRequest("invalid_field", "Field 'kind' must be 'appointment' or 'invitation'");
    }
    long id = JsonInput.optionalLong(body, "id", 1, Long.MAX_VALUE)
        .orElseThrow(() -> ApiException.badRequest("missing_field", "Field 'id' is required"));
    return gate.admitByHand(request, Target.kind(kind), id);
  }

  private Gate.Request request(RoutingContext ctx, JsonObject body) {
    String scanId = string(body, "scanId");
    if (!SCAN_ID.matcher(scanId).matches()) {
      throw ApiException.badRequest("invalid_field", "Field 'scanId' must be 1 to 100 letters, digits or . _ : -");
    }
    String gateId = string(body, "gate");
    if (site.gate(gateId).isEmpty()) {
      throw ApiException.badRequest("unknown_gate", "Unknown gate '" + gateId + "'");
    }
    Caller caller = Access.caller(ctx);
    if (caller.isDevice() && !caller.device().target().equals(gateId)) {
      throw new ApiException(403, "wrong_gate", "This kiosk is paired with gate '" + caller.device().target() + "'");
    }
    String direction = optionalString(body, "direction").orElse("in");
    if (!direction.equals("in") && !direction.equals("out")) {
      throw ApiException.badRequest("invalid_field", "Field 'direction' must be 'in' or 'out'");
    }
    int companions = JsonInput.optionalLong(body, "companions", 0, Site.Admission.MAX_COMPANIONS).orElse(0L)
        .intValue();
    Object confirmed = body.getValue("companionsConfirmed");
    if (confirmed != null && !(confirmed instanceof Boolean)) {
      throw ApiException.badRequest("invalid_field", "Field 'companionsConfirmed' must be true or false");
    }
    return new Gate.Request(scanId, gateId, direction.equals("in") ? Direction.IN : Direction.OUT,
        caller.name(), offline(body), companions, Boolean.TRUE.equals(confirmed));
  }

  /** An offline kiosk's replay: {"at": ISO instant, "decision": "admit"|"refuse", "reason": code}. */
  private Gate.Offline offline(JsonObject body) {
    if (body.getValue("offline") == null) {
      return null;
    }
    JsonObject o = JsonInput.object(body, "offline");
    Instant at;
    try {
      at = java.time.OffsetDateTime.parse(string(o, "at")).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw ApiException.badRequest("invalid_field", "Field 'offline.at' must be an ISO instant with its offset");
    }
    Instant now = time.now();
    if (at.isAfter(now.plus(OFFLINE_CLOCK_SKEW)) || at.isBefore(now.minus(OFFLINE_MAX_AGE))) {
      throw ApiException.badRequest("invalid_field", "Field 'offline.at' must be within the last "
          + OFFLINE_MAX_AGE.toDays() + " days, not in the future");
    }
    String decision = string(o, "decision");
    if (!decision.equals("admit") && !decision.equals("refuse")) {
      throw ApiException.badRequest("invalid_field", "Field 'offline.decision' must be 'admit' or 'refuse'");
    }
    String code = string(o, "reason");
    Reason reason = Arrays.stream(Reason.values()).filter(r -> r.code().equals(code)).findFirst()
        .orElseThrow(() -> ApiException.badRequest("invalid_field", "Field 'offline.reason' is not a gate reason"));
    if (decision.equals("admit") != reason.admits()) {
      throw ApiException.badRequest("invalid_field",
          "An admission has reason 'ok' or 'no_entry_recorded', a refusal any other reason");
    }
    return new Gate.Offline(at, decision.equals("admit"), reason);
  }

  Future<JsonObject> offlinePack(RoutingContext ctx) {
    return pack.build(Access.caller(ctx));
  }

  Future<JsonObject> decode(RoutingContext ctx) {
    byte[] bytes = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    if (bytes.length == 0) {
      throw ApiException.badRequest("missing_body", "Send a camera frame (JPEG or PNG) as the body");
    }
    if (decoding.incrementAndGet() > MAX_DECODES_AT_ONCE) {
      decoding.decrementAndGet();
      throw new ApiException(429, "busy", "Already decoding other frames; send the next one");
    }
    return vertx.executeBlocking(() -> {
      try {
        return decoder.decode(bytes);
      } catch (UnreadableImageException e) {
        throw ApiException.unprocessable("not_an_image", "The body is not an image this kiosk reads");
      }
    }, false)
        .<JsonObject>map(text -> new JsonObject().put("text",
            text.orElseThrow(() -> ApiException.unprocessable("no_qr_code", "No QR code found in the image"))))
        .onComplete(done -> decoding.decrementAndGet());
  }

  Future<JsonArray> search(RoutingContext ctx) {
    String q = Optional.ofNullable(ctx.queryParams().get("q")).map(String::strip).orElse("");
    if (q.length() < 2 || q.length() > 100) {
      throw ApiException.badRequest("invalid_query", "Parameter 'q' must be 2 to 100 characters of the name");
    }
    String needle = fold(q);
    var today = time.today();
    // Today first, then the days around it: a visitor who came on the wrong day is told so, not "not found".
    List<LocalDate> days = new ArrayList<>(List.of(today));
    for (int d = 1; d <= SEARCH_DAYS_AROUND; d++) {
      days.add(today.plusDays(d));
      days.add(today.minusDays(d));
    }
    Future<List<Found>> found = Future.succeededFuture(new ArrayList<>());
    for (LocalDate day : days) {
      found = found.compose(list -> list.size() >= MAX_MATCHES ? Future.succeededFuture(list)
          : appointments.onDay(day, Optional.empty()).compose(booked -> invitations.onDay(day).map(guests -> {
            booked.stream().filter(a -> fold(a.visitorName()).contains(needle))
                .forEach(a -> list.add(new Found(Target.of(a), a.reference())));
            guests.stream().filter(i -> fold(i.guestName()).contains(needle))
                .forEach(i -> list.add(new Found(Target.of(i), null)));
            return list;
          })));
    }
    return found.compose(targets -> scans.presence(today).map(presence -> {
      Map<String, ScanRepository.Presence> passed = new HashMap<>();
      presence.forEach(p -> passed.put(p.kind() + ":" + p.convocationId(), p));
      JsonArray out = new JsonArray();
      targets.stream().limit(MAX_MATCHES).forEach(f -> out.add(match(f, passed.get(f.target().kindCode() + ":"
          + f.target().id()))));
      return out;
    }));
  }

  /** One visitor found, with what admitting them now would give, and what tells homonyms apart. */
  private JsonObject match(Found found, ScanRepository.Presence presence) {
    Target t = found.target();
    Verdict preview = gate.preview(t, presence == null ? new ScanRepository.Passages(false, false, 0)
        : new ScanRepository.Passages(presence.inside(), presence.entered(), presence.companions()));
    JsonObject would = new JsonObject().put("decision", preview.decision()).put("reason", preview.reason().code())
        .put("message", new JsonObject().put("fr", preview.message().fr()).put("en", preview.message().en()));
    JsonObject out = new JsonObject().put("kind", t.kindCode()).put("id", t.id())
        .put("name", t.name()).put("start", time.iso(t.start())).put("date", time.dateOf(t.start()).toString())
        .put("localTime", time.localMinutes(t.start()).substring(11)).put("cancelled", t.cancelled())
        .put("reference", found.reference()).put("preview", would);
    if (t.kind() == ConvocationKind.INVITATION) {
      out.put("event", t.event());
    } else {
      site.service(t.service()).ifPresentOrElse(s -> out.put("service", gate.service(s)),
          () -> out.put("service", new JsonObject().put("code", t.service())));
    }
    return out;
  }

  static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
  }

  Future<JsonObject> inside(RoutingContext ctx) {
    return scans.inside(time.today()).map(list -> {
      JsonArray people = new JsonArray();
      int companions = 0;
      for (ScanRepository.Inside in : list) {
        people.add(new JsonObject().put("kind", in.kind()).put("id", in.convocationId()).put("name", in.name())
            .put("service", in.service()).put("since", time.iso(in.since())).put("gate", in.gate())
            .put("companions", in.companions()));
        companions += in.companions();
      }
      // Everyone inside counts, companions included: the evacuation list must account for each person.
      return new JsonObject().put("at", time.iso(time.now())).put("count", people.size() + companions)
          .put("visitors", people.size()).put("companions", companions).put("people", people);
    });
  }

  Future<JsonArray> log(RoutingContext ctx) {
    String date = ctx.queryParams().get("date");
    var day = date == null ? time.today() : time.parseDate("date", date);
    return scans.onDay(day).map(list -> new JsonArray(new ArrayList<>(List.copyOf(list))));
  }
}
