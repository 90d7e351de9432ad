package fr.prefecture.accueil.kiosk.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.prefecture.accueil.kiosk.convocation.CodeFailure;
import fr.prefecture.accueil.kiosk.convocation.ConvocationKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class AdmissionRulesTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private static Instant paris(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
  }

  private static AdmissionRules rulesAt(Instant now) {
    return new AdmissionRules(Clock.fixed(now, ZoneOffset.UTC), PARIS);
  }

  private static Visit appointment(Instant start) {
    return new Visit(ConvocationKind.APPOINTMENT, start, start.plus(Duration.ofMinutes(15)), false, false, false,
        AdmissionPolicy.DEFAULT);
  }

  private static Visit invitation(Instant start, Instant end) {
    return new Visit(ConvocationKind.INVITATION, start, end, false, false, false, AdmissionPolicy.DEFAULT);
  }

  private static Verdict enter(Visit visit, Instant now) {
    return rulesAt(now).decide(visit, Direction.IN);
  }

  private static final Instant ELEVEN = paris("2026-05-12T11:00");

  @Test
  void admits_a_visitor_exactly_20_minutes_early() {
    Verdict verdict = enter(appointment(ELEVEN), paris("2026-05-12T10:40"));

    assertThat(verdict.admit()).isTrue();
    assertThat(verdict.reason()).isEqualTo(Reason.OK);
    assertThat(verdict.admitFrom()).isNull();
    assertThat(verdict.message()).isEqualTo(new Message("Bienvenue, vous pouvez entrer.", "Welcome, please go in."));
  }

  @Test
  void refuses_a_visitor_20_minutes_and_1_second_early_and_says_from_when() {
    Verdict verdict = enter(appointment(ELEVEN), paris("2026-05-12T10:40").minusSeconds(1));

    assertThat(verdict.admit()).isFalse();
    assertThat(verdict.reason()).isEqualTo(Reason.TOO_EARLY);
    assertThat(verdict.admitFrom()).isEqualTo(paris("2026-05-12T10:40"));
    assertThat(verdict.message().fr()).isEqualTo("Trop tôt : entrée possible à partir de 10 h 40.");
    assertThat(verdict.message().en()).isEqualTo("Too early: you may enter from 10:40.");
    assertThat(verdict.decision()).isEqualTo("refuse");
  }

  @Test
  void refuses_a_visitor_21_minutes_early() {
    Verdict verdict = enter(appointment(ELEVEN), paris("2026-05-12T10:39"));

    assertThat(verdict.reason()).isEqualTo(Reason.TOO_EARLY);
    assertThat(verdict.admitFrom()).isEqualTo(paris("2026-05-12T10:40"));
  }

  @Test
  void admits_a_visitor_at_the_very_end_of_the_grace_period() {
    assertThat(enter(appointment(ELEVEN), paris("2026-05-12T11:30")).reason()).isEqualTo(Reason.OK);
    assertThat(enter(appointment(ELEVEN), paris("2026-05-12T11:00")).reason()).isEqualTo(Reason.OK);
  }

  @Test
  void refuses_a_visitor_1_second_after_the_grace_period() {
    Verdict verdict = enter(appointment(ELEVEN), paris("2026-05-12T11:30").plusSeconds(1));

    assertThat(verdict.reason()).isEqualTo(Reason.TOO_LATE);
    assertThat(verdict.admitFrom()).isNull();
    assertThat(verdict.message().fr()).isEqualTo(
        "L’heure d’accueil de votre rendez-vous de 11 h 00 est dépassée. Le garde vous indique la suite.");
    assertThat(verdict.message().en()).startsWith("The time to check in for your 11:00 appointment has passed.");
  }

  @Test
  void follows_the_service_policy() {
    AdmissionPolicy strict = new AdmissionPolicy(Duration.ZERO, Duration.ofMinutes(5));
    Visit visit = new Visit(ConvocationKind.APPOINTMENT, ELEVEN, ELEVEN, false, false, false, strict);

    assertThat(enter(visit, ELEVEN.minusSeconds(1)).reason()).isEqualTo(Reason.TOO_EARLY);
    assertThat(enter(visit, ELEVEN.plusSeconds(300)).reason()).isEqualTo(Reason.OK);
    assertThat(enter(visit, ELEVEN.plusSeconds(301)).reason()).isEqualTo(Reason.TOO_LATE);
  }

  @Test
  void calls_a_scan_the_evening_before_a_just_after_midnight_appointment_wrong_day() {
    Visit visit = appointment(paris("2026-05-13T00:10"));

    Verdict verdict = enter(visit, paris("2026-05-12T23:55"));

    assertThat(verdict.reason()).isEqualTo(Reason.WRONG_DAY);
    assertThat(verdict.admitFrom()).isNull();
    assertThat(verdict.message().fr()).isEqualTo("Cette convocation est pour le mercredi 13 mai 2026 à 0 h 10.");
    assertThat(verdict.message().en()).isEqualTo("This convocation is for Wednesday 13 May 2026 at 00:10.");
    assertThat(enter(visit, paris("2026-05-13T00:00")).reason()).isEqualTo(Reason.OK);
  }

  @Test
  void refuses_a_convocation_for_another_day_whatever_the_hour() {
    assertThat(enter(appointment(ELEVEN), paris("2026-05-11T11:00")).reason()).isEqualTo(Reason.WRONG_DAY);
    assertThat(enter(appointment(ELEVEN), paris("2026-05-13T10:50")).reason()).isEqualTo(Reason.WRONG_DAY);
    assertThat(enter(appointment(paris("2026-05-01T09:00")), ELEVEN).message().fr())
        .isEqualTo("Cette convocation est pour le vendredi 1er mai 2026 à 9 h 00.");
  }

  @Test
  void counts_the_early_window_in_real_minutes_on_the_spring_daylight_saving_day() {
    // 2026-03-29: clocks jump from 02:00 to 03:00. 03:10 CEST is 01:10 UTC; 20 minutes earlier is 01:50 CET.
    Instant start = paris("2026-03-29T03:10");
    assertThat(start).isEqualTo(Instant.parse("2026-03-29T01:10:00Z"));
    Visit visit = appointment(start);

    assertThat(enter(visit, start.minus(Duration.ofMinutes(20))).reason()).isEqualTo(Reason.OK);
    Verdict early = enter(visit, start.minus(Duration.ofMinutes(20)).minusSeconds(1));
    assertThat(early.reason()).isEqualTo(Reason.TOO_EARLY);
    assertThat(early.admitFrom()).isEqualTo(Instant.parse("2026-03-29T00:50:00Z"));
    assertThat(early.message().fr()).isEqualTo("Trop tôt : entrée possible à partir de 1 h 50.");
    assertThat(early.message().en()).isEqualTo("Too early: you may enter from 01:50.");
  }

  @Test
  void counts_the_grace_period_in_real_minutes_on_the_autumn_daylight_saving_day() {
    // 2026-10-25: clocks go back from 03:00 to 02:00, so 02:10 happens twice. The appointment is at the
    // first 02:30 (CEST, 00:30 UTC).
    Instant start = LocalDateTime.parse("2026-10-25T02:30").atZone(PARIS).withEarlierOffsetAtOverlap().toInstant();
    Instant firstTenPastTwo = Instant.parse("2026-10-25T00:10:00Z");
    Instant secondTenPastTwo = Instant.parse("2026-10-25T01:10:00Z");
    Visit visit = appointment(start);

    assertThat(enter(visit, firstTenPastTwo).reason()).isEqualTo(Reason.OK);
    assertThat(enter(visit, start.plus(Duration.ofMinutes(30))).reason()).isEqualTo(Reason.OK);
    // Wall clock says 20 minutes early, but 40 real minutes have passed since the start.
    assertThat(enter(visit, secondTenPastTwo).reason()).isEqualTo(Reason.TOO_LATE);
  }

  @Test
  void lets_a_visitor_who_went_out_come_back_in_the_same_day_at_any_time() {
    Visit returning = new Visit(ConvocationKind.APPOINTMENT, ELEVEN, ELEVEN.plusSeconds(900), false, false, true,
        AdmissionPolicy.DEFAULT);

    Verdict verdict = enter(returning, paris("2026-05-12T16:45"));

    assertThat(verdict.reason()).isEqualTo(Reason.OK);
    assertThat(verdict.message().fr()).isEqualTo("Bon retour, vous pouvez entrer.");
    assertThat(enter(returning, paris("2026-05-13T09:00")).reason()).isEqualTo(Reason.WRONG_DAY);
  }

  @Test
  void refuses_a_second_entry_while_inside() {
    Visit inside = new Visit(ConvocationKind.APPOINTMENT, ELEVEN, ELEVEN, false, true, true, AdmissionPolicy.DEFAULT);

    assertThat(enter(inside, ELEVEN).reason()).isEqualTo(Reason.ALREADY_INSIDE);
  }

  @Test
  void lets_out_whoever_is_inside_and_refuses_an_exit_without_entry() {
    Visit inside = new Visit(ConvocationKind.APPOINTMENT, ELEVEN, ELEVEN, true, true, true, AdmissionPolicy.DEFAULT);
    Visit outside = appointment(ELEVEN);
    AdmissionRules rules = rulesAt(paris("2026-05-13T20:00"));

    Verdict exit = rules.decide(inside, Direction.OUT);
    assertThat(exit.admit()).isTrue();
    assertThat(exit.message()).isEqualTo(new Message("Au revoir, bonne journée.", "Goodbye, have a good day."));
    Verdict noEntry = rules.decide(outside, Direction.OUT);
    assertThat(noEntry.admit()).isTrue();
    assertThat(noEntry.reason()).isEqualTo(Reason.NO_ENTRY_RECORDED);
    assertThat(noEntry.message().fr()).contains("entrée non enregistrée");
  }

  @Test
  void refuses_a_cancelled_appointment_even_on_time() {
    Visit cancelled = new Visit(ConvocationKind.APPOINTMENT, ELEVEN, ELEVEN, true, false, false,
        AdmissionPolicy.DEFAULT);

    Verdict verdict = enter(cancelled, ELEVEN);

    assertThat(verdict.reason()).isEqualTo(Reason.CANCELLED);
    assertThat(verdict.message().fr()).contains("annulée");
  }

  @Test
  void admits_an_invitation_from_20_minutes_before_until_its_end() {
    Instant start = paris("2026-05-12T14:00");
    Instant end = paris("2026-05-12T17:00");
    Visit visit = invitation(start, end);

    assertThat(enter(visit, paris("2026-05-12T13:40").minusSeconds(1)).reason()).isEqualTo(Reason.TOO_EARLY);
    assertThat(enter(visit, paris("2026-05-12T13:40")).reason()).isEqualTo(Reason.OK);
    assertThat(enter(visit, paris("2026-05-12T16:00")).reason()).isEqualTo(Reason.OK);
    assertThat(enter(visit, end).reason()).isEqualTo(Reason.OK);
    Verdict late = enter(visit, end.plusSeconds(1));
    assertThat(late.reason()).isEqualTo(Reason.TOO_LATE);
    assertThat(late.message()).isEqualTo(
        new Message("Cette réunion s’est terminée à 17 h 00.", "This meeting ended at 17:00."));
  }

  @Test
  void admits_an_invitation_past_midnight_until_its_end() {
    Visit evening = invitation(paris("2026-06-20T21:00"), paris("2026-06-21T01:00"));

    assertThat(enter(evening, paris("2026-06-21T00:30")).reason()).isEqualTo(Reason.OK);
    assertThat(enter(evening, paris("2026-06-21T01:01")).reason()).isEqualTo(Reason.TOO_LATE);
    assertThat(enter(evening, paris("2026-06-22T00:30")).reason()).isEqualTo(Reason.WRONG_DAY);
  }

  @Test
  void refuses_codes_that_failed_verification_with_their_own_reason() {
    AdmissionRules rules = rulesAt(ELEVEN);

    assertThat(rules.refuse(CodeFailure.MALFORMED).reason()).isEqualTo(Reason.MALFORMED);
    assertThat(rules.refuse(CodeFailure.UNKNOWN_KEY).reason()).isEqualTo(Reason.UNKNOWN_KEY);
    Verdict forged = rules.refuse(CodeFailure.INVALID_SIGNATURE);
    assertThat(forged.admit()).isFalse();
    assertThat(forged.reason()).isEqualTo(Reason.INVALID_SIGNATURE);
    assertThat(rules.refuse(Reason.UNKNOWN_CONVOCATION).message().en())
        .isEqualTo("We cannot find this convocation. The guard will tell you what to do next.");
    assertThatThrownBy(() -> rules.refuse(Reason.OK)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rules.refuse(Reason.TOO_EARLY)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void never_sends_a_visitor_at_the_gate_to_the_reception_desk() {
    // The visitor is at the gate: the guard tells them what to do, not "the reception desk".
    for (Locale locale : new Locale[]{Locale.FRENCH, Locale.ENGLISH}) {
      ResourceBundle texts = ResourceBundle.getBundle("fr.prefecture.accueil.kiosk.messages", locale);
      for (String key : texts.keySet()) {
        assertThat(texts.getString(key)).as(key).doesNotContainIgnoringCase("adresser à l’accueil")
            .doesNotContainIgnoringCase("adressez-vous").doesNotContainIgnoringCase("reception desk");
      }
    }
  }

  @Test
  void writes_reasons_in_the_api_codes() {
    assertThat(Arrays.stream(Reason.values()).map(Reason::code)).containsExactly("ok", "too_early", "too_late",
        "wrong_day", "cancelled", "already_inside", "not_inside", "no_entry_recorded", "invalid_signature",
        "unknown_key",
        "malformed", "unknown_convocation");
  }

  @Test
  void has_every_text_in_french_and_english_in_utf8() {
    ResourceBundle.Control strict = ResourceBundle.Control
        .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    ResourceBundle fr = ResourceBundle.getBundle("fr.prefecture.accueil.kiosk.messages", Locale.FRENCH, strict);
    ResourceBundle en = ResourceBundle.getBundle("fr.prefecture.accueil.kiosk.messages", Locale.ENGLISH, strict);

    assertThat(fr.keySet()).isEqualTo(en.keySet());
    assertThat(fr.getString("ok.out")).isEqualTo("Au revoir, bonne journée.");
    for (Reason reason : Reason.values()) {
      if (reason != Reason.OK && reason != Reason.TOO_LATE) {
        assertThat(fr.containsKey(reason.code())).as(reason.code()).isTrue();
      }
    }
  }
}
