package fr.prefecture.accueil.gate;

import fr.prefecture.accueil.appointment.AppointmentRepository;
import fr.prefecture.accueil.appointment.ConvocationIssuer;
import fr.prefecture.accueil.appointment.InvitationRepository;
import fr.prefecture.accueil.db.Database;
import fr.prefecture.accueil.http.ApiException;
import fr.prefecture.accueil.kiosk.convocation.Convocation;
import fr.prefecture.accueil.kiosk.convocation.ConvocationCodec;
import fr.prefecture.accueil.kiosk.convocation.ConvocationKind;
import fr.prefecture.accueil.kiosk.convocation.IssuedConvocation;
import fr.prefecture.accueil.kiosk.convocation.VerifiedCode;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Convocations: issued when an appointment or an invitation is stored (created, imported, moved), on the storing
 * transaction; read without writing. The current one is the latest stored code that still says what the store
 * says (a reprint gives the same code; moving back to the first time gives the first code again).
 */
record Convocations(Vertx vertx, Pool pool, ConvocationCodec codec, ConvocationRepository store,
    AppointmentRepository appointments, InvitationRepository invitations, SiteTime time)
    implements
      ConvocationIssuer {
  /** A convocation ready to print, with what it admits to. */
  record Issued(Target target, String code, String manualCode) {}

  Future<Target> target(ConvocationKind kind, long id) {
    Future<Optional<Target>> found = kind == ConvocationKind.APPOINTMENT
        ? appointments.find(id).map(a -> a.map(Target::of))
        : invitations.find(id).map(i -> i.map(Target::of));
    return found.map(t -> t.orElseThrow(() -> ApiException.notFound(
        (kind == ConvocationKind.APPOINTMENT ? "Appointment " : "Invitation ") + id)));
  }

  /** The convocation to print, read only: 404 {@code no_convocation} when none stored still holds. */
  Future<Issued> current(ConvocationKind kind, long id) {
    return target(kind, id).compose(target -> store.ofTarget(target.kindCode(), id).map(stored -> {
      Convocation wanted = convocation(due(target));
      return stored.stream().filter(s -> holds(s, wanted)).findFirst()
          .map(s -> new Issued(target, s.code(), s.manualCode()))
          .orElseThrow(() -> new ApiException(404, "no_convocation", "No valid convocation is stored for "
              + target.kindCode() + " " + id + " (stored before convocations were issued, or its key retired):"
              + " POST to issue it"));
    }));
  }

  /** Issues it again by hand, when none stored holds; true when a new code was stored. */
  Future<Boolean> reissue(ConvocationKind kind, long id) {
    return target(kind, id).compose(t -> Database.transaction(pool, conn -> issued(conn, List.of(due(t)))))
        .map(sorted -> !sorted.fresh().isEmpty());
  }

  @Override
  public Future<List<Code>> issue(SqlConnection conn, List<Due> due) {
    return issued(conn, due).map(Sorted::codes);
  }

  /** The codes to store now, and the code that holds for each due, in order. */
  private record Sorted(List<ConvocationRepository.Stored> fresh, List<Code> codes) {}

  /** Verifying and signing is CPU work (an import holds up to 50,000 rows): off the event loop. */
  private Future<Sorted> issued(SqlConnection conn, List<Due> due) {
    if (due.isEmpty()) {
      return Future.succeededFuture(new Sorted(List.of(), List.of()));
    }
    return store.ofTargets(conn, due).compose(stored -> vertx.executeBlocking(() -> sort(due, stored), false))
        .compose(sorted -> store.insert(conn, sorted.fresh(), time.now().toEpochMilli()).map(v -> sorted));
  }

  private Sorted sort(List<Due> due, Map<String, List<ConvocationRepository.Stored>> stored) {
    List<ConvocationRepository.Stored> fresh = new ArrayList<>();
    List<Code> codes = new ArrayList<>(due.size());
    for (Due d : due) {
      String kind = Target.code(d.kind());
      Convocation wanted = convocation(d);
      Optional<ConvocationRepository.Stored> holding = stored.getOrDefault(kind + ":" + d.id(), List.of()).stream()
          .filter(s -> holds(s, wanted)).findFirst();
      if (holding.isPresent()) {
        codes.add(new Code(holding.get().code(), holding.get().manualCode()));
      } else {
        IssuedConvocation issued = codec.issue(wanted);
        fresh.add(new ConvocationRepository.Stored(kind, d.id(), issued.keyId(), issued.code(), issued.manualCode()));
        codes.add(new Code(issued.code(), issued.manualCode()));
      }
    }
    return new Sorted(fresh, codes);
  }

  private boolean holds(ConvocationRepository.Stored stored, Convocation wanted) {
    return codec.verify(stored.code()) instanceof VerifiedCode.Valid valid && valid.value().equals(wanted);
  }

  private static Due due(Target t) {
    return new Due(t.kind(), t.id(), t.service(), t.start());
  }

  /** No name in the code, not even initials: the gate reads the name from the store for the ID check. */
  private static Convocation convocation(Due due) {
    try {
      return new Convocation(due.id(), due.kind(), due.service(), due.start().truncatedTo(ChronoUnit.MINUTES), null);
    } catch (IllegalArgumentException e) {
      throw ApiException.conflict("cannot_issue", "No convocation can be issued for this: " + e.getMessage());
    }
  }
}
