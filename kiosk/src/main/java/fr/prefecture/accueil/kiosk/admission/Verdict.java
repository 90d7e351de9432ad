package fr.prefecture.accueil.kiosk.admission;

import java.time.Instant;
import java.util.Objects;

/**
 * The gate's answer to one scan.
 *
 * @param admit     open the gate
 * @param reason    why; one that {@link Reason#admits()} exactly when admitted
 * @param admitFrom for {@link Reason#TOO_EARLY}, the first instant the visitor will be admitted; null otherwise
 * @param message   what to show, in French and English
 */
public record Verdict(boolean admit, Reason reason, Instant admitFrom, Message message) {

  public Verdict {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    if (admit != reason.admits()) {
      throw new IllegalArgumentException("admit must go with reason OK or NO_ENTRY_RECORDED, not " + reason);
    }
  }

  /** {@code "admit"} or {@code "refuse"}, the API's wire value. */
  public String decision() {
    return admit ? "admit" : "refuse";
  }
}
