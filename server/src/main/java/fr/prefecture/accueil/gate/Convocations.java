package fr.prefecture.accueil.gate;

import fr.prefecture.accueil.appointment.AppointmentRepository;
import fr.prefecture.accueil.appointment.InvitationRepository;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.kiosk.convocation.Convocation;
import fr.prefecture.accueil.kiosk.convocation.ConvocationCodec;
import fr.prefecture.accueil.kiosk.convocation.ConvocationKind;
import fr.prefecture.accueil.kiosk.convocation.IssuedConvocation;
import fr.prefecture.accueil.kiosk.convocation.VerifiedCode;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import java.time.temporal.ChronoUnit;

/**
 * Issues convocations: the stored one when it still says what the store says, a new one otherwise
 * (first issue, appointment moved, or its key retired). Reprints therefore give the same code.
 */
record Convocations(ConvocationCodec codec, ConvocationRepository store, AppointmentRepository appointments,
    InvitationRepository invitations, SiteTime time) {
  /** A convocation ready to print, with what it admits to. */
  record Issued(Target target, String code, String manualCode) {}

  Future<Target> target(ConvocationKind kind, long id) {
    Future<java.util.Optional<Target>> found = kind == ConvocationKind.APPOINTMENT
        ? appointments.find(id).map(a -> a.map(Target::of))
        : invitations.find(id).map(i -> i.map(Target::of));
    return found.map(t -> t.orElseThrow(() -> ApiException.notFound(
        (kind == ConvocationKind.APPOINTMENT ? "Appointment " : "Invitation ") + id)));
  }

  Future<Issued> issue(ConvocationKind kind, long id) {
    return target(kind, id).compose(target -> store.latest(target.kindCode(), id).compose(stored -> {
      Convocation wanted = convocation(target);
      if (stored.isPresent() && codec.verify(stored.get().code()) instanceof VerifiedCode.Valid valid
          && valid.value().equals(wanted)) {
        return Future.succeededFuture(new Issued(target, stored.get().code(), stored.get().manualCode()));
      }
      IssuedConvocation fresh = codec.issue(wanted);
      String keyId = ((VerifiedCode.Valid) codec.verify(fresh.code())).keyId();
      return store.save(new ConvocationRepository.Stored(target.kindCode(), id, keyId, fresh.code(),
          fresh.manualCode()), time.now().toEpochMilli())
          .compose(v -> store.byManualCode(fresh.manualCode()))
          .map(saved -> {
            // 40 bits: a clash between two convocations is about one in a trillion, but it must never pass unseen.
            if (saved.isEmpty() || saved.get().convocationId() != id || !saved.get().kind().equals(target.kindCode())) {
              throw ApiException.conflict("manual_code_clash", "Manual code clash; rotate the key and print again");
            }
            return new Issued(target, fresh.code(), fresh.manualCode());
          });
    }));
  }

  /** No name in the code, not even initials: the gate reads the name from the store for the ID check. */
  private static Convocation convocation(Target target) {
    try {
      return new Convocation(target.id(), target.kind(), target.service(),
          target.start().truncatedTo(ChronoUnit.MINUTES), null);
    } catch (IllegalArgumentException e) {
      throw ApiException.conflict("cannot_issue", "No convocation can be issued for this: " + e.getMessage());
    }
  }
}
