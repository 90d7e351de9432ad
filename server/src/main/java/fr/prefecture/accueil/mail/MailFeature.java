package fr.prefecture.accueil.mail;

import fr.prefecture.accueil.appointment.AppointmentRepository;
import fr.prefecture.accueil.appointment.VisitorMessages;
import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.time.SiteTime;
import fr.prefecture.accueil.web.Feature;
import fr.prefecture.accueil.web.Routes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** Messages to visitors: the outbox written with what causes them, the SMTP worker, the admins' list. */
public record MailFeature(Outbox outbox, MailWorker worker, MessageApi api) implements Feature {
  public static Future<MailFeature> create(Vertx vertx, Pool pool, Site site, SiteTime time, MailSettings settings,
      AppointmentRepository appointments, Access access) {
    return vertx.executeBlocking(() -> {
      ConvocationMail mails = new ConvocationMail(site, time, settings);
      Outbox outbox = new Outbox(vertx, pool, mails, settings.domain());
      return new MailFeature(outbox, new MailWorker(vertx, outbox, mails, appointments, time, settings),
          new MessageApi(vertx, outbox, mails, access));
    });
  }

  /** Written on the transaction that stores an appointment. */
  public VisitorMessages messages() {
    return outbox;
  }

  @Override
  public void mount(Routes routes) {
    api.mount(routes);
  }

  @Override
  public void mountPages(Router root) {
    api.mountPages(root);
  }

  @Override
  public void start() {
    worker.start();
  }

  @Override
  public void close() {
    worker.close();
  }
}
