package fr.prefecture.accueil.demo;

import fr.prefecture.accueil.appointment.AppointmentRepository;
import fr.prefecture.accueil.appointment.ConvocationIssuer;
import fr.prefecture.accueil.appointment.VisitorMessages;
import fr.prefecture.accueil.auth.PasswordHasher;
import fr.prefecture.accueil.auth.Role;
import fr.prefecture.accueil.auth.Secrets;
import fr.prefecture.accueil.indicator.HistoryGenerator;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.staff.StaffRepository;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo: one account per role (fresh passwords printed at each start) and today's appointments
 * across the services. References are per day, so starting again the same day adds nothing.
 */
public final class DemoData {
  private static final String[] NAMES = {
      "Amina Benali", "Jean Dupont", "Maria Silva", "Nguyen Van An", "Fatou Diop", "Oleksandr Kovalenko",
      "Claire Martin", "Mohamed El Idrissi", "Sofia Rossi", "Karim Haddad", "Lucie Bernard", "Ion Popescu",
      "Aïssatou Ba", "Pierre Leroy", "Yasmine Cherif", "Ahmed Mansour", "Élodie Petit", "Samuel Mensah",
      "Li Wei", "Hélène Garnier", "Tomasz Nowak", "Awa Traoré", "Julien Moreau", "Svetlana Ivanova"};

  private final Vertx vertx;
  private final Site site;
  private final SiteTime time;
  private final StaffRepository staff;
  private final PasswordHasher hasher;
  private final AppointmentRepository appointments;
  private final ConvocationIssuer convocations;
  private final VisitorMessages messages;
  private final Path storeFile;
  private final java.util.function.LongFunction<Future<?>> admit;

  /** Weeks of synthetic history a fresh demo store gets, so that the dashboard has something to show. */
  static final int HISTORY_WEEKS = 8;
  static final int HISTORY_PER_DAY = 150;

  public DemoData(Vertx vertx, Site site, SiteTime time, StaffRepository staff, PasswordHasher hasher,
      AppointmentRepository appointments, Path storeFile, ConvocationIssuer convocations, VisitorMessages messages,
      java.util.function.LongFunction<Future<?>> admit) {
    this.convocations = convocations;
    this.messages = messages;
    this.storeFile = storeFile;
    this.admit = admit;
    this.vertx = vertx;
    this.site = site;
    this.time = time;
    this.staff = staff;
    this.hasher = hasher;
    this.appointments = appointments;
  }

  public Future<Void> install() {
    Map<String, Role> accounts = new LinkedHashMap<>();
    accounts.put("demo-admin", Role.ADMIN);
    accounts.put("demo-manager", Role.MANAGER);
    accounts.put("demo-agent", Role.AGENT);
    accounts.put("demo-guard", Role.GUARD);
    Map<String, String> passwords = new LinkedHashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<String, Role> account : accounts.entrySet()) {
      String password = Secrets.password();
      passwords.put(account.getKey(), password);
      chain = chain.compose(v -> vertx.executeBlocking(() -> hasher.hash(password)))
          .compose(hash -> staff.upsertAccount(account.getKey(), hash, account.getValue(), time.now().toEpochMilli()));
    }
    return chain.compose(v -> vertx.executeBlocking(this::history))
        .compose(v -> appointments.saveDemo(demoAppointments(time.today()), time.now().toEpochMilli(), convocations,
            messages))
        .compose(created -> arrivals().map(created))
        .onSuccess(created -> print(passwords, created)).mapEmpty();
  }

  /**
   * Most visitors due between 25 minutes ago and the default early window from now are already through the gate
   * (about 6 in 7, as on a real day), so the queues, the counters and the screens have someone.
   */
  private Future<Void> arrivals() {
    java.time.Instant now = time.now();
    return appointments.onDay(time.today(), java.util.Optional.empty()).compose(today -> {
      Future<Void> chain = Future.succeededFuture();
      for (var a : today) {
        boolean due = !a.start().isBefore(now.minusSeconds(25 * 60))
            && !a.start().isAfter(now.plus(Site.Admission.DEFAULT.early()));
        if (due && !a.cancelled() && a.id() % 7 != 3) {
          chain = chain.compose(v -> admit.apply(a.id()).mapEmpty());
        }
      }
      return chain;
    });
  }

  /** On a store with no record yet, the last weeks of synthetic history (see HistoryGenerator). */
  private Void history() throws Exception {
    LocalDate to = time.today().minusDays(1);
    try {
      HistoryGenerator.Counts c = new HistoryGenerator(site, to.toEpochDay())
          .generate(storeFile, to.minusWeeks(HISTORY_WEEKS).plusDays(1), to, HISTORY_PER_DAY, time.now());
      System.out.printf("Demo history: %d weeks, %,d appointments, %,d scans, %,d tickets%n", HISTORY_WEEKS,
          c.appointments(), c.scans(), c.tickets());
    } catch (IllegalStateException alreadyFilled) {
      // A demo store started before keeps its history.
    }
    return null;
  }

  private void print(Map<String, String> passwords, int created) {
    StringBuilder out = new StringBuilder("\n=== Accueil demo ===\nDemo accounts (new passwords at each start):\n");
    passwords.forEach((user, password) -> out.append("  ").append(String.format("%-14s", user))
        .append(" ").append(password).append('\n'));
    out.append("Demo appointments added for ").append(time.today()).append(": ").append(created).append('\n');
    System.out.println(out);
  }

  static String email(String name) {
    String ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
    return (ascii.isEmpty() ? "usager" : ascii) + "@example.org";
  }

  /** About 60 appointments from 08:30 to 16:30, seeded by the date so a day always looks the same. */
  List<AppointmentRepository.Demo> demoAppointments(LocalDate day) {
    Random random = new Random(day.toEpochDay());
    List<AppointmentRepository.Demo> out = new ArrayList<>();
    int n = 0;
    for (Site.Service service : site.services()) {
      for (LocalTime t = LocalTime.of(8, 30); t.isBefore(LocalTime.of(16, 30)); t = t.plusMinutes(30)) {
        if (random.nextInt(4) == 0) {
          continue;
        }
        n++;
        String reference = "DEMO-" + day.toString().replace("-", "") + "-" + String.format("%03d", n);
        LocalDateTime local = LocalDateTime.of(day, t.plusMinutes(random.nextInt(3) * 10L));
        String name = NAMES[random.nextInt(NAMES.length)];
        // One in three gave an e-mail (example.org: it reaches nobody): /admin/messages has something to show.
        out.add(new AppointmentRepository.Demo(service.code(), time.atLocal("start", local), day,
            service.defaultDurationMinutes(), name, n % 3 == 0 ? email(name) : null, reference));
      }
    }
    return out;
  }
}
