package fr.prefecture.accueil.appointment;

import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Feature;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;

/** Appointments (pushed, imported from CSV, listed, cancelled) and invitations to meetings. */
public record AppointmentFeature(AppointmentApi appointments, InvitationApi invitations) implements Feature {
  public static Future<AppointmentFeature> create(Site site, SiteTime time, AppointmentRepository appointments,
      InvitationRepository invitations, AuditLog audit, ConvocationIssuer convocations,
      VisitorMessages messages) {
    return Future.succeededFuture(new AppointmentFeature(new AppointmentApi(site, time, appointments,
        new AppointmentCsv(site, time), audit, convocations, messages),
        new InvitationApi(time, invitations, audit, convocations)));
  }

  @Override
  public void mount(Routes routes) {
    appointments.mount(routes);
    invitations.mount(routes);
  }
}
