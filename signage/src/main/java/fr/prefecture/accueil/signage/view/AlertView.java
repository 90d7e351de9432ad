package fr.prefecture.accueil.signage.view;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A crisis alert that takes over the screens of its zones (empty = everywhere) from {@code raisedAt} until it is
 * ended or until {@code expires} (null = until ended). {@code headline} and {@code instruction} are optional;
 * each text may carry only one language.
 */
public record AlertView(String id, Text headline, Text message, Text instruction, AlertSeverity severity,
    Instant raisedAt, Instant expires, List<String> zones) {

  public AlertView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(raisedAt, "raisedAt");
    severity = severity == null ? AlertSeverity.UNKNOWN : severity;
    zones = zones == null ? List.of() : List.copyOf(zones);
  }

  /** An alert typed by staff: one text, no headline or instruction. */
  public static AlertView manual(String id, Text message, List<String> zones, Instant raisedAt) {
    return new AlertView(id, null, message, null, AlertSeverity.SEVERE, raisedAt, null, zones);
  }
}
