package fr.prefecture.accueil.kiosk.admission;

import java.time.Duration;
import java.util.Objects;

/**
 * A service's gate window: how early before the start a visitor may come in, and how late after it.
 *
 * @param earlyWindow admitted from start minus this (inclusive)
 * @param lateGrace   appointments admitted until start plus this (inclusive); invitations until their end
 */
public record AdmissionPolicy(Duration earlyWindow, Duration lateGrace) {

  /** 20 minutes early, 30 minutes late: the prefecture's default. */
  public static final AdmissionPolicy DEFAULT = new AdmissionPolicy(Duration.ofMinutes(20), Duration.ofMinutes(30));

  public AdmissionPolicy {
    Objects.requireNonNull(earlyWindow, "earlyWindow");
    Objects.requireNonNull(lateGrace, "lateGrace");
    if (earlyWindow.isNegative() || lateGrace.isNegative()) {
      throw new IllegalArgumentException("admission windows cannot be negative");
    }
  }
}
