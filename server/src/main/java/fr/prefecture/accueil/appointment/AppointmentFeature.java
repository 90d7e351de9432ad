package fr.prefecture.accueil.appointment;

import fr.prefecture.accueil.audit.AuditLog;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Feature;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;

/** Appointments (pushed, imported from CSV, listed, cancelled) and invitations to meetings. */
public final class AppointmentFeature implements Feature {
  private final AppointmentApi appointments;
  private final InvitationApi invitations;

  private AppointmentFeature(AppointmentApi appointments, InvitationApi invitations) {
    this.appointments = appointments;
    this.invitations = invitations;
  }

  public static Future<AppointmentFeature> create(Site site, SiteTime time, AppointmentRepository appointments,
      InvitationRepository invitations, AuditLog audit) {
    return Future.succeededFuture(new AppointmentFeature(new AppointmentApi(site, time, appointments, audit),
        new InvitationApi(time, invitations, audit)));
  }

  @Override
  public void mount(Routes routes) {
    appointments.mount(routes);
    invitations.mount(routes);
  }
}
