package fr.prefecture.accueil.kiosk.admission;

import fr.prefecture.accueil.kiosk.convocation.ConvocationKind;
import java.time.Instant;
import java.util.Objects;

/**
 * What the store knows about a convocation at the moment of a scan.
 *
 * @param kind          appointment or invitation
 * @param start         appointment or meeting start
 * @param end           appointment start plus its duration, or the meeting's end
 * @param cancelled     the appointment or invitation was cancelled
 * @param inside        the last admitted passage with this convocation was an entry
 * @param admittedToday the visitor was already admitted once today (Paris date), so may come back in
 * @param policy        the service's windows
 */
public record Visit(ConvocationKind kind, Instant start, Instant end, boolean cancelled, boolean inside,
    boolean admittedToday, AdmissionPolicy policy) {

  public Visit {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(policy, "policy");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end " + end + " is before start " + start);
    }
  }
}
