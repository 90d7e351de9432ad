package fr.prefecture.accueil.appointment;

import java.time.Instant;
import java.time.LocalDate;

/** An invitation to a meeting (e.g. a users' committee): the guest is let in for the event's times. */
public record Invitation(long id, String event, Instant start, Instant end, LocalDate localDate, String location,
    String guestName, String guestEmail, String status) {

  public boolean cancelled() {
    return "cancelled".equals(status);
  }
}
