package fr.prefecture.accueil.mail;

import fr.prefecture.accueil.appointment.Appointment;
import fr.prefecture.accueil.appointment.AppointmentRepository;
import fr.prefecture.accueil.events.Events;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's due messages through SMTP, one at a time: every {@code pollSeconds} and at once when told
 * that messages were written. A message is marked sent after the server accepted it, so a crash in between sends it
 * again, with the same Message-ID (at least once). A failed try is retried later, doubling the wait; after
 * {@code maxAttempts} it has failed for good, its error kept. A message whose appointment was cancelled or has
 * started is expired, not sent.
 */
final class MailWorker {
  private static final Logger LOG = LoggerFactory.getLogger(MailWorker.class);
  private static final int BATCH = 20;

  private final Vertx vertx;
  private final Outbox outbox;
  private final ConvocationMail mails;
  private final AppointmentRepository appointments;
  private final SiteTime time;
  private final MailSettings settings;
  private MailClient client;
  private long timer = -1;
  private MessageConsumer<Object> consumer;
  private boolean running;
  private boolean again;
  private boolean closed;

  MailWorker(Vertx vertx, Outbox outbox, ConvocationMail mails, AppointmentRepository appointments, SiteTime time,
      MailSettings settings) {
    this.vertx = vertx;
    this.outbox = outbox;
    this.mails = mails;
    this.appointments = appointments;
    this.time = time;
    this.settings = settings;
  }

  /** Without an SMTP server nothing is sent: messages wait in the outbox. */
  void start() {
    if (settings.smtp().isEmpty()) {
      LOG.info("No mail server configured (mail.host): messages wait in the outbox");
      return;
    }
    client = MailClient.create(vertx, config(settings.smtp().get()));
    consumer = vertx.eventBus().consumer(Events.OUTBOX, m -> run());
    timer = vertx.setPeriodic(settings.poll().toMillis(), id -> run());
    run();
  }

  void close() {
    closed = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    if (consumer != null) {
      consumer.unregister();
    }
    if (client != null) {
      client.close();
    }
  }

  private static MailConfig config(MailSettings.Smtp smtp) {
    MailConfig config = new MailConfig().setHostname(smtp.host()).setPort(smtp.port()).setKeepAlive(true)
        .setSsl(smtp.tls() == MailSettings.Tls.TLS)
        .setStarttls(smtp.tls() == MailSettings.Tls.STARTTLS ? StartTLSOptions.REQUIRED : StartTLSOptions.DISABLED)
        .setConnectTimeout(10_000);
    if (smtp.user().isPresent()) {
      config.setLogin(LoginOption.REQUIRED).setUsername(smtp.user().get()).setPassword(smtp.password().orElse(""));
    } else {
      config.setLogin(LoginOption.DISABLED);
    }
    return config;
  }

  /** One pass at a time; a nudge during a pass makes another one after it. */
  private void run() {
    if (closed) {
      return;
    }
    if (running) {
      again = true;
      return;
    }
    running = true;
    drain().onComplete(done -> {
      if (done.failed() && !closed) {
        LOG.warn("Sending the outbox's messages failed; trying again at the next pass", done.cause());
      }
      running = false;
      if (again) {
        again = false;
        run();
      }
    });
  }

  private Future<Void> drain() {
    return outbox.due(time.now(), BATCH).compose(due -> {
      Future<Void> chain = Future.succeededFuture();
      for (Outbox.Message m : due) {
        chain = chain.compose(v -> send(m));
      }
      return chain.compose(v -> due.size() == BATCH ? drain() : Future.succeededFuture());
    });
  }

  private Future<Void> send(Outbox.Message m) {
    Future<Optional<Appointment>> appointment = m.appointmentId() == null ? Future.succeededFuture(Optional.empty())
        : appointments.find(m.appointmentId());
    return appointment.compose(found -> {
      Instant now = time.now();
      Optional<String> stale = found.isEmpty() ? Optional.of("appointment removed")
          : found.get().cancelled() ? Optional.of("appointment cancelled before sending")
              : !found.get().start().isAfter(now) ? Optional.of("appointment passed before sending")
                  : Optional.empty();
      if (stale.isPresent()) {
        return outbox.expired(m.id(), stale.get());
      }
      return vertx.executeBlocking(() -> mails.message(m), false)
          .compose(client::sendMail)
          .compose(sent -> outbox.sent(m.id(), time.now()))
          .recover(failure -> retry(m, failure));
    });
  }

  private Future<Void> retry(Outbox.Message m, Throwable failure) {
    int attempts = m.attempts() + 1;
    boolean last = attempts >= settings.maxAttempts();
    String error = String.valueOf(failure.getMessage());
    Instant next = time.now().plus(settings.retryAfter(attempts));
    if (last) {
      LOG.warn("Message {} to appointment {} failed for good after {} attempts: {}", m.id(), m.appointmentId(),
          attempts, error);
    } else {
      LOG.info("Message {} not sent ({}), attempt {}; next try at {}", m.id(), error, attempts, next);
    }
    return outbox.failed(m, attempts, next, last, error.length() > 500 ? error.substring(0, 500) : error);
  }
}
