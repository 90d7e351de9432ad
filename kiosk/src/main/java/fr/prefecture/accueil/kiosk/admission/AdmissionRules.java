package fr.prefecture.accueil.kiosk.admission;

import fr.prefecture.accueil.kiosk.convocation.CodeFailure;
import fr.prefecture.accueil.kiosk.convocation.ConvocationKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a convocation opens the gate now.
 *
 * <p>Windows are computed on instants, so a daylight-saving change never shifts them; only the "same
 * day" rule uses the local (Paris) date. Checks come in this order: exit, cancelled, already inside,
 * wrong day, re-entry, then the time window. So an appointment at 00:10 scanned at 23:55 the evening
 * before is {@code wrong_day}, not {@code too_early}: the early window never reaches back over midnight.
 */
public final class AdmissionRules {

  /** Refusals that need nothing but the reason: a code that did not verify, or a store that does not know it. */
  private static final Set<Reason> PLAIN_REFUSALS = EnumSet.of(Reason.CANCELLED, Reason.ALREADY_INSIDE,
      Reason.NOT_INSIDE, Reason.INVALID_SIGNATURE, Reason.UNKNOWN_KEY, Reason.MALFORMED,
      Reason.UNKNOWN_CONVOCATION);

  private final Clock clock;
  private final ZoneId zone;
  private final Messages messages;

  public AdmissionRules(Clock clock, ZoneId zone) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.messages = new Messages(zone);
  }

  /** The verdict for {@code visit} passing the gate in {@code direction} now. */
  public Verdict decide(Visit visit, Direction direction) {
    Objects.requireNonNull(visit, "visit");
    Objects.requireNonNull(direction, "direction");
    if (direction == Direction.OUT) {
      // A guard cannot stop someone leaving: an exit is never refused; one without a recorded entry says so.
      return visit.inside() ? admit("ok.out")
          : new Verdict(true, Reason.NO_ENTRY_RECORDED, null, messages.get("no_entry_recorded", null));
    }
    if (visit.cancelled()) {
      return refuse(Reason.CANCELLED);
    }
    if (visit.inside()) {
      return refuse(Reason.ALREADY_INSIDE);
    }
    Instant now = clock.instant();
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate first = visit.start().atZone(zone).toLocalDate();
    // An invitation may span days (a late evening meeting); an appointment is its start's day.
    LocalDate last = visit.kind() == ConvocationKind.INVITATION ? visit.end().atZone(zone).toLocalDate() : first;
    if (today.isBefore(first) || today.isAfter(last)) {
      return new Verdict(false, Reason.WRONG_DAY, null, messages.get("wrong_day", visit.start()));
    }
    if (visit.admittedToday()) {
      return admit("ok.return");
    }
    Instant admitFrom = visit.start().minus(visit.policy().earlyWindow());
    if (now.isBefore(admitFrom)) {
      return new Verdict(false, Reason.TOO_EARLY, admitFrom, messages.get("too_early", admitFrom));
    }
    if (visit.kind() == ConvocationKind.APPOINTMENT) {
      if (now.isAfter(visit.start().plus(visit.policy().lateGrace()))) {
        return new Verdict(false, Reason.TOO_LATE, null, messages.get("too_late.appointment", visit.start()));
      }
    } else if (now.isAfter(visit.end())) {
      return new Verdict(false, Reason.TOO_LATE, null, messages.get("too_late.invitation", visit.end()));
    }
    return admit("ok.in");
  }

  /**
   * A refusal that needs no visit: a code that failed verification, a convocation the store does not
   * know, or a state the caller already established.
   *
   * @throws IllegalArgumentException for {@code OK} and reasons that depend on the visit's times
   */
  public Verdict refuse(Reason reason) {
    if (!PLAIN_REFUSALS.contains(reason)) {
      throw new IllegalArgumentException(reason + " needs a visit: use decide()");
    }
    return new Verdict(false, reason, null, messages.get(reason.code(), null));
  }

  /** The refusal for a code that did not verify. */
  public Verdict refuse(CodeFailure failure) {
    return refuse(Reason.of(failure));
  }

  private Verdict admit(String messageKey) {
    return new Verdict(true, Reason.OK, null, messages.get(messageKey, null));
  }
}
