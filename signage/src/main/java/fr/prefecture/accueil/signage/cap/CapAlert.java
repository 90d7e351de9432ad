package fr.prefecture.accueil.signage.cap;

import fr.prefecture.accueil.signage.view.AlertSeverity;
import fr.prefecture.accueil.signage.view.AlertView;
import fr.prefecture.accueil.signage.view.Text;

import java.time.Instant;
import java.util.List;

/**
 * A CAP 1.2 message reduced to what the screens need. Texts come from the first French and the first English
 * {@code info} block (either may be absent, not both, except for {@code Cancel}/{@code Ack}/{@code Error} which
 * may carry no text at all: then {@code headline} and {@code description} are null). {@code expires} null means
 * "until cancelled"; {@code zones} empty means everywhere.
 */
public record CapAlert(String identifier, String sender, Instant sent, CapStatus status, CapMessageType msgType,
    List<CapReference> references, Text headline, Text description, Text instruction,
    AlertSeverity severity, CapUrgency urgency, Instant expires, List<String> zones) {

  public CapAlert {
    references = List.copyOf(references);
    zones = List.copyOf(zones);
  }

  /**
   * True when this message should be shown to the public: status {@code Actual} and type {@code Alert} or
   * {@code Update}. {@code Exercise}, {@code Test}, {@code System} and {@code Draft} messages are parsed and
   * validated (so a sender can test the feed) but never displayed; {@code Cancel} ends the referenced alerts.
   */
  public boolean live() {
    return status == CapStatus.ACTUAL && (msgType == CapMessageType.ALERT || msgType == CapMessageType.UPDATE);
  }

  /** True for an {@code Actual} {@code Update} or {@code Cancel}: the referenced alerts must be ended. */
  public boolean endsReferencedAlerts() {
    return status == CapStatus.ACTUAL && (msgType == CapMessageType.UPDATE || msgType == CapMessageType.CANCEL);
  }

  /** The identifiers of the earlier messages this one updates or cancels. */
  public List<String> referencedIdentifiers() {
    return references.stream().map(CapReference::identifier).toList();
  }

  public boolean isExpired(Instant now) {
    return expires != null && !now.isBefore(expires);
  }

  /**
   * The alert as screens show it, under the caller's id: the description (or, lacking one, the headline) as
   * message, raised when sent, ending at {@code expires}.
   *
   * @throws IllegalStateException for a message with no text (a cancellation)
   */
  public AlertView toAlertView(String id) {
    if (headline == null && description == null) {
      throw new IllegalStateException("CAP " + msgType + " " + identifier + " carries no text to show");
    }
    Text message = description != null ? description : headline;
    Text title = description != null ? headline : null;
    return new AlertView(id, title, message, instruction, severity, sent, expires, zones);
  }
}
