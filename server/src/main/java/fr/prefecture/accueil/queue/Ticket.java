package fr.prefecture.accueil.queue;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One visitor waiting for a service, or done with it. {@code due} orders the ticket in its line:
 * the appointment start, the PAN slot start, or the instant a walk-in ticket was issued.
 */
record Ticket(long id, LocalDate day, String number, String originService, String service, Kind kind,
    Long appointmentId, Instant slotStart, Instant due, Instant issued, Instant transferredAt, Status status,
    String counter, int calls, Instant firstCalledAt, Instant lastCalledAt, Instant finishedAt, String visitorName) {

  enum Kind {
    APPOINTMENT("appointment"),
    SLOT("slot"),
    WALK_IN("walk-in");

    final String code;

    Kind(String code) {
      this.code = code;
    }

    static Kind of(String code) {
      for (Kind k : values()) {
        if (k.code.equals(code)) {
          return k;
        }
      }
      throw new IllegalArgumentException(code);
    }

    /** Appointments and PAN slots are booked (a time was given); walk-ins are not. */
    boolean booked() {
      return this != WALK_IN;
    }
  }

  enum Status {
    WAITING,
    CALLED,
    SERVED,
    ABSENT;

    String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Status of(String code) {
      return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
  }

  boolean finished() {
    return status == Status.SERVED || status == Status.ABSENT;
  }

  boolean transferred() {
    return transferredAt != null;
  }
}
