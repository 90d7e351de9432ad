package fr.prefecture.accueil.gate;

import fr.prefecture.accueil.appointment.Appointment;
import fr.prefecture.accueil.appointment.Invitation;
import fr.prefecture.accueil.kiosk.convocation.ConvocationKind;
import java.time.Instant;
import java.util.Locale;

/** What a convocation admits to, as the store has it now: an appointment or an invitation. */
record Target(ConvocationKind kind, long id, String service, Instant start, Instant end, boolean cancelled,
    String name, String event, String location) {

  static Target of(Appointment a) {
    return new Target(ConvocationKind.APPOINTMENT, a.id(), a.service(), a.start(), a.end(), a.cancelled(),
        a.visitorName(), null, null);
  }

  static Target of(Invitation i) {
    return new Target(ConvocationKind.INVITATION, i.id(), "", i.start(), i.end(), i.cancelled(), i.guestName(),
        i.event(), i.location());
  }

  String kindCode() {
    return code(kind);
  }

  static String code(ConvocationKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  static ConvocationKind kind(String code) {
    return "invitation".equals(code) ? ConvocationKind.INVITATION : ConvocationKind.APPOINTMENT;
  }
}
