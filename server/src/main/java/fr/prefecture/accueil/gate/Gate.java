package fr.prefecture.accueil.gate;

import fr.prefecture.accueil.events.Events;
import fr.prefecture.accueil.http.ApiErrorWithBody;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.kiosk.admission.AdmissionPolicy;
import fr.prefecture.accueil.kiosk.admission.AdmissionRules;
import fr.prefecture.accueil.kiosk.admission.Direction;
import fr.prefecture.accueil.kiosk.admission.Reason;
import fr.prefecture.accueil.kiosk.admission.Verdict;
import fr.prefecture.accueil.kiosk.admission.Visit;
import fr.prefecture.accueil.kiosk.convocation.ConvocationCodec;
import fr.prefecture.accueil.kiosk.convocation.ConvocationKind;
import fr.prefecture.accueil.kiosk.convocation.ManualCode;
import fr.prefecture.accueil.kiosk.convocation.VerifiedCode;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The gate's decision for one scan: identify the convocation (QR text, manual code, or a guard's
 * look-up), apply the admission rules to what the store says now, record the attempt and the arrival in
 * one transaction, then tell the other parts on the event bus.
 */
final class Gate {
  static final int MANUAL_CODE_FAILURES = 20;
  static final Duration MANUAL_CODE_WINDOW = Duration.ofMinutes(10);

  /**
   * What an offline kiosk decided, replayed later: the original instant, and the verdict the guard acted on.
   * {@code reason} is OK exactly when admitted.
   */
  record Offline(Instant at, boolean admit, Reason reason) {}

  /**
   * A well-formed scan request; everything in it was validated by the API. {@code offline} null when live;
   * {@code companions} who enter with the visitor, {@code confirmed} when the guard confirmed more than the
   * service allows.
   */
  record Request(String scanId, String gate, Direction direction, String staff, Offline offline, int companions,
      boolean confirmed) {
    Request(String scanId, String gate, Direction direction, String staff) {
      this(scanId, gate, direction, staff, null, 0, false);
    }

    String directionCode() {
      return direction == Direction.IN ? "in" : "out";
    }
  }

  /** Which convocation the scan names, or why none: the outcome of reading the code. */
  record Identified(String input, ConvocationKind kind, Long id, Reason failure) {
    static Identified of(String input, ConvocationKind kind, long id) {
      return new Identified(input, kind, id, null);
    }

    static Identified refused(String input, Reason reason) {
      return new Identified(input, null, null, reason);
    }
  }

  private final Site site;
  private final SiteTime time;
  private final ConvocationCodec codec;
  private final ConvocationRepository convocations;
  private final ScanRepository scans;
  private final AdmissionRules rules;
  private final GateAnswers answers;
  private final EventBus bus;

  Gate(Site site, SiteTime time, ConvocationCodec codec, ConvocationRepository convocations, ScanRepository scans,
      EventBus bus) {
    this.site = site;
    this.time = time;
    this.codec = codec;
    this.convocations = convocations;
    this.scans = scans;
    this.bus = bus;
    this.rules = new AdmissionRules(time.clock(), time.zone());
    this.answers = new GateAnswers(site, time);
  }

  /** A scanned or typed code. */
  Future<JsonObject> scan(Request request, String code) {
    return replayed(request).compose(stored -> stored.isPresent()
        ? Future.succeededFuture(stored.get())
        : identify(request, code).compose(found -> record(request, found, false)));
  }

  /** A guard's admission of a visitor found by name (lost convocation): the same rules, no code. */
  Future<JsonObject> admitByHand(Request request, ConvocationKind kind, long id) {
    return replayed(request).compose(stored -> stored.isPresent()
        ? Future.succeededFuture(stored.get())
        : record(request, Identified.of("lookup", kind, id), true));
  }

  private Future<Optional<JsonObject>> replayed(Request request) {
    return scans.response(request.scanId());
  }

  private Future<Identified> identify(Request request, String code) {
    if (ManualCode.looksLikeManualCode(code)) {
      // The manual-code throttle is counted inside the scan's transaction (record), where attempts are serial.
      Optional<String> normalized = ManualCode.normalize(code);
      if (normalized.isEmpty()) {
        return Future.succeededFuture(Identified.refused("manual_code", Reason.MALFORMED));
      }
      return convocations.byManualCode(normalized.get()).map(stored -> stored
          .map(s -> Identified.of("manual_code", Target.kind(s.kind()), s.convocationId()))
          .orElse(Identified.refused("manual_code", Reason.UNKNOWN_CONVOCATION)));
    }
    VerifiedCode verified = codec.verify(code);
    if (!verified.isValid() && AzertyScanner.looksMangled(code)) {
      VerifiedCode restored = codec.verify(AzertyScanner.restore(code));
      if (restored.isValid()) {
        verified = restored;
      }
    }
    if (verified instanceof VerifiedCode.Valid valid) {
      return Future.succeededFuture(Identified.of("qr", valid.value().kind(), valid.value().id()));
    }
    return Future.succeededFuture(Identified.refused("qr", Reason.of(verified.failure().orElseThrow())));
  }

  /**
   * When a scan is judged. Live: now, against every passage recorded today. Replayed from an offline kiosk:
   * at the kiosk's instant, against the passages recorded before it, with the kiosk's decision kept.
   */
  private record Moment(Instant at, LocalDate day, AdmissionRules rules, Offline offline) {}

  /** What one scan recorded: the answer given, and whether it set the visitor's first arrival. */
  private record Recorded(JsonObject response, boolean firstArrival) {}

  /** The verdict, and the passages it was reached on (none without a convocation). */
  private record Judged(Verdict verdict, ScanRepository.Passages passages) {}

  private Moment moment(Request request) {
    Offline offline = request.offline();
    if (offline == null) {
      Instant now = time.now();
      return new Moment(now, time.dateOf(now), rules, null);
    }
    return new Moment(offline.at(), time.dateOf(offline.at()),
        new AdmissionRules(Clock.fixed(offline.at(), time.zone()), time.zone()), offline);
  }

  /**
   * The one pipeline of every scan, live or replayed: target, verdict, insert, arrival, in one write transaction;
   * then the events. A replayed offline scan is recorded exactly once (scanId) with the kiosk's decision, which is
   * what happened at the gate; the server's own verdict for that instant is kept beside it, flagged as a conflict
   * when it differs (e.g. an entry the server already knew from another gate).
   */
  private Future<JsonObject> record(Request request, Identified found, boolean manual) {
    Moment m = moment(request);
    Instant now = time.now();
    return scans.<Optional<Recorded>>transaction(tx -> throttled(tx, request, found, now).compose(limited -> target(
        tx, found, manual).compose(t -> verdict(tx, found, t, request.direction(), m).compose(judged -> {
          Verdict v = judged.verdict();
          Gate.Offline offline = m.offline();
          boolean admit = offline == null ? v.admit() : offline.admit();
          Reason reason = offline == null ? v.reason() : offline.reason();
          int companions = companions(request, t, judged, admit);
          JsonObject response = answers.answer(request, found, t.orElse(null), v, manual, m.at()).put("companions",
              companions);
          if (offline != null) {
            GateAnswers.keepKioskVerdict(response, v, offline);
          }
          JsonObject answer = limited ? GateAnswers.withoutPersonalData(response) : response;
          ScanRepository.Scan scan = new ScanRepository.Scan(request.scanId(), request.gate(),
              request.directionCode(), m.at(), m.day(), admit ? "admit" : "refuse", reason.code(),
              found.kind() == null ? null : Target.code(found.kind()), found.id(),
              t.map(Target::service).filter(s -> !s.isEmpty()).orElse(null), manual, request.staff(), found.input(),
              answer.encode(), offline != null, companions, v.decision(), v.reason().code(),
              offline != null && GateAnswers.conflict(v, offline), now);
          return tx.insert(scan).compose(inserted -> {
            if (!inserted) {
              return Future.succeededFuture(Optional.<Recorded>empty());
            }
            Future<Boolean> mark = admit && request.direction() == Direction.IN && found.kind() != null
                && honoured(v) ? tx.markArrived(found.kind(), found.id(), m.at()) : Future.succeededFuture(false);
            return mark.map(first -> Optional.of(new Recorded(answer, first)));
          });
        }))))
        .compose(recorded -> settle(request, recorded, m.at()));
  }

  /**
   * Whether a manual code is past the limit of failures for this guard or kiosk, counted by the server's own
   * verdicts (offline replays included) by the time they reached the server, in the scan's transaction: attempts
   * are serial there, so hundreds at once still check at most the limit. Live: a 429, nothing recorded. Replayed:
   * recorded, answered without personal data (true); a genuine replay is never refused.
   */
  private Future<Boolean> throttled(ScanRepository.Tx tx, Request request, Identified found, Instant now) {
    if (!"manual_code".equals(found.input())) {
      return Future.succeededFuture(false);
    }
    return tx.failedManualCodes(request.staff(), now.minus(MANUAL_CODE_WINDOW)).compose(failures -> {
      if (failures < MANUAL_CODE_FAILURES) {
        return Future.succeededFuture(false);
      }
      return request.offline() != null ? Future.succeededFuture(true)
          : Future.failedFuture(new ApiException(429, "too_many_attempts", "Too many wrong manual codes in "
              + MANUAL_CODE_WINDOW.toMinutes() + " minutes: scan the QR code or find the visitor by name"));
    });
  }

  /**
   * An admission marks the appointment honoured unless the server finds that the code names no valid visit that
   * day (a forged or unknown code, another day): an offline kiosk may have let someone in on such a code.
   */
  private static boolean honoured(Verdict server) {
    return switch (server.reason()) {
      case WRONG_DAY, INVALID_SIGNATURE, UNKNOWN_KEY, MALFORMED, UNKNOWN_CONVOCATION -> false;
      default -> true;
    };
  }

  private static Future<Optional<Target>> target(ScanRepository.Tx tx, Identified found, boolean manual) {
    if (found.kind() == null) {
      return Future.succeededFuture(Optional.empty());
    }
    return tx.target(found.kind(), found.id()).compose(t -> t.isEmpty() && manual
        ? Future.failedFuture(ApiException.notFound(Target.code(found.kind()) + " " + found.id()))
        : Future.succeededFuture(t));
  }

  private Future<Judged> verdict(ScanRepository.Tx tx, Identified found, Optional<Target> t, Direction direction,
      Moment m) {
    ScanRepository.Passages none = new ScanRepository.Passages(false, false, 0);
    if (found.failure() != null) {
      return Future.succeededFuture(new Judged(m.rules().refuse(found.failure()), none));
    }
    if (t.isEmpty()) {
      return Future.succeededFuture(new Judged(m.rules().refuse(Reason.UNKNOWN_CONVOCATION), none));
    }
    Future<ScanRepository.Passages> passages = m.offline() == null
        ? tx.passages(found.kind(), found.id(), m.day())
        : tx.passagesBefore(found.kind(), found.id(), m.day(), m.at());
    return passages.map(p -> new Judged(m.rules().decide(visit(t.get(), p), direction), p));
  }

  /**
   * The companions this scan records: on an admitted entry, those the guard counted (above the service's maximum
   * only once confirmed, a 409 otherwise, nothing recorded); on an exit, those who came in with the visitor, so that
   * the exit closes them too; none otherwise.
   */
  private int companions(Request request, Optional<Target> t, Judged judged, boolean admit) {
    if (!admit || t.isEmpty()) {
      return 0;
    }
    if (request.direction() == Direction.OUT) {
      return judged.passages().companions();
    }
    int max = maxCompanions(t.get());
    if (request.companions() > max && !request.confirmed() && request.offline() == null) {
      throw new ApiErrorWithBody(409, "companions_over_limit", request.companions() + " companions for at most "
          + max + " at this service: confirm to admit them", new JsonObject().put("maxCompanions", max));
    }
    return request.companions();
  }

  int maxCompanions(Target t) {
    return t.kind() == ConvocationKind.INVITATION ? Site.Admission.DEFAULT_MAX_COMPANIONS
        : site.service(t.service()).map(s -> s.admission().maxCompanions())
            .orElse(Site.Admission.DEFAULT_MAX_COMPANIONS);
  }

  private Future<JsonObject> settle(Request request, Optional<Recorded> recorded, Instant at) {
    if (recorded.isEmpty()) {
      // The same scanId arrived twice at once: the UNIQUE constraint chose the other; give its answer.
      return scans.response(request.scanId()).map(Optional::orElseThrow);
    }
    publish(recorded.get().response(), recorded.get().firstArrival(), at);
    return Future.succeededFuture(recorded.get().response());
  }

  /** What admitting this visitor now would give, recording nothing: for the guard's lost-convocation search. */
  Verdict preview(Target t, ScanRepository.Passages p) {
    return rules.decide(visit(t, p), Direction.IN);
  }

  private Visit visit(Target t, ScanRepository.Passages p) {
    AdmissionPolicy policy = t.kind() == ConvocationKind.INVITATION ? AdmissionPolicy.DEFAULT
        : site.service(t.service()).map(s -> new AdmissionPolicy(s.admission().early(), s.admission().grace()))
            .orElse(AdmissionPolicy.DEFAULT);
    return new Visit(t.kind(), t.start(), t.end(), t.cancelled(), p.inside(), p.admittedToday(), policy);
  }

  JsonObject service(Site.Service s) {
    return answers.service(s);
  }

  private void publish(JsonObject response, boolean firstArrival, Instant now) {
    JsonObject convocation = response.getJsonObject("convocation");
    JsonObject service = response.getJsonObject("service");
    bus.publish(Events.SCANS, new JsonObject().put("scanId", response.getString("scanId"))
        .put("decision", response.getString("decision")).put("reason", response.getString("reason"))
        .put("gate", response.getString("gate")).put("direction", response.getString("direction"))
        .put("at", now.toString()).put("companions", response.getInteger("companions", 0))
        .put("kind", convocation == null ? null : convocation.getString("kind"))
        .put("convocationId", convocation == null ? null : convocation.getLong("id"))
        .put("service", service == null ? null : service.getString("code")));
    if (firstArrival && convocation != null && "appointment".equals(convocation.getString("kind"))) {
      bus.publish(Events.ARRIVALS, new JsonObject().put("appointmentId", convocation.getLong("id"))
          .put("service", service == null ? null : service.getString("code")).put("at", now.toString()));
    }
  }
}
