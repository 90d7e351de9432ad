package fr.prefecture.accueil.gate;

import fr.prefecture.accueil.appointment.AppointmentRepository;
import fr.prefecture.accueil.appointment.InvitationRepository;
import fr.prefecture.accueil.auth.Caller;
import fr.prefecture.accueil.kiosk.admission.AdmissionPolicy;
import fr.prefecture.accueil.kiosk.convocation.KeyRing;
import fr.prefecture.accueil.site.Site;
import fr.prefecture.accueil.site.SiteApi;
import fr.prefecture.accueil.time.SiteTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * What a kiosk needs to keep deciding when the server cannot be reached: the public keys (a code of any day
 * verifies), today's convocations only (with cancellations, manual codes and the visitor's name for the ID check:
 * the names the day needs, no more; a code of another day is refused as {@code wrong_day} from the code itself),
 * today's presence, the services' admission windows, and the gate texts from the kiosk's own bundles.
 */
record OfflinePack(Site site, SiteTime time, KeyRing keys, Gate gate, ScanRepository scans,
    AppointmentRepository appointments, InvitationRepository invitations) {
  /** After this long without a fresh pack the kiosk no longer decides alone. */
  static final Duration STALE_AFTER = Duration.ofHours(2);
  private static final String BUNDLE = "fr.prefecture.accueil.kiosk.messages";

  /** The gate texts, read once: the same for every pack (never changed once built). */
  private static final JsonObject MESSAGES = messages();

  private static JsonObject messages() {
    ResourceBundle.Control strict = ResourceBundle.Control
        .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    return new JsonObject()
        .put("fr", bundle(ResourceBundle.getBundle(BUNDLE, Locale.FRENCH, strict)))
        .put("en", bundle(ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, strict)));
  }

  private static JsonObject bundle(ResourceBundle bundle) {
    JsonObject out = new JsonObject();
    bundle.keySet().stream().sorted().forEach(k -> out.put(k, bundle.getString(k)));
    return out;
  }

  Future<JsonObject> build(Caller caller) {
    Instant now = time.now();
    LocalDate today = time.dateOf(now);
    return Future.all(appointments.onDay(today, Optional.empty()), invitations.onDay(today), scans.presence(today),
        scans.manualCodes(today))
        .map(all -> {
          JsonArray convocations = new JsonArray();
          Map<String, List<String>> codes = all.resultAt(3);
          List<fr.prefecture.accueil.appointment.Appointment> booked = all.resultAt(0);
          booked.forEach(a -> convocations.add(convocation(Target.of(a), codes)));
          List<fr.prefecture.accueil.appointment.Invitation> guests = all.resultAt(1);
          guests.forEach(inv -> convocations.add(convocation(Target.of(inv), codes)));
          JsonArray presence = new JsonArray();
          List<ScanRepository.Presence> passed = all.resultAt(2);
          passed.forEach(p -> presence.add(new JsonObject().put("kind", p.kind()).put("id", p.convocationId())
              .put("inside", p.inside()).put("since", p.since().toEpochMilli()).put("gate", p.gate())
              .put("companions", p.companions())));
          return new JsonObject().put("generatedAt", now.toEpochMilli()).put("day", today.toString())
              .put("zone", time.zone().getId()).put("staleAfterMinutes", STALE_AFTER.toMinutes())
              .put("keys", publicKeys()).put("services", services())
              .put("defaultPolicy", policy(AdmissionPolicy.DEFAULT, Site.Admission.DEFAULT_MAX_COMPANIONS))
              .put("convocations", convocations).put("presence", presence).put("messages", MESSAGES)
              .put("gates", gates()).put("caller", new JsonObject().put("device", caller.isDevice())
                  .put("gate", caller.isDevice() ? caller.device().target() : null).put("name", caller.name()));
        });
  }

  private JsonObject convocation(Target t, Map<String, List<String>> codes) {
    return new JsonObject().put("kind", t.kindCode()).put("id", t.id()).put("service", t.service())
        .put("start", t.start().toEpochMilli()).put("end", t.end().toEpochMilli()).put("cancelled", t.cancelled())
        .put("name", t.name()).put("event", t.event()).put("location", t.location())
        .put("manualCodes", new JsonArray(codes.getOrDefault(t.kindCode() + ":" + t.id(), List.of())));
  }

  private JsonArray publicKeys() {
    JsonArray out = new JsonArray();
    keys.publicKeys().forEach((id, key) -> out.add(new JsonObject().put("id", id)
        .put("publicKey", Base64.getEncoder().encodeToString(key))));
    return out;
  }

  private JsonObject services() {
    JsonObject out = new JsonObject();
    for (Site.Service s : site.services()) {
      out.put(s.code(), gate.service(s).mergeIn(
          policy(new AdmissionPolicy(s.admission().early(), s.admission().grace()), s.admission().maxCompanions())));
    }
    return out;
  }

  private static JsonObject policy(AdmissionPolicy p, int maxCompanions) {
    return new JsonObject().put("earlyMinutes", p.earlyWindow().toMinutes())
        .put("graceMinutes", p.lateGrace().toMinutes()).put("maxCompanions", maxCompanions);
  }

  private JsonArray gates() {
    JsonArray out = new JsonArray();
    site.gates().forEach(g -> out.add(new JsonObject().put("id", g.id()).put("name", SiteApi.text(g.name()))
        .put("verdictSeconds", g.verdictSeconds())));
    return out;
  }
}
