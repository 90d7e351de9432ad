package fr.prefecture.accueil.appointment;

import java.time.Instant;
import java.time.LocalDate;

/** A stored appointment. */
public record Appointment(long id, String service, Instant start, LocalDate localDate, int durationMinutes,
    String visitorName, String email, String phone, String reference, String status, Instant cancelledAt) {

  public boolean cancelled() {
    return "cancelled".equals(status);
  }

  public Instant end() {
    return start.plusSeconds(60L * durationMinutes);
  }
}
