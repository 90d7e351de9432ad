package fr.prefecture.accueil.events;

/**
 * Event-bus addresses: what one part tells another travels here (never through in-process
 * listeners), so that parts can later run on several nodes with a clustered bus. Every message is
 * a JsonObject, published after the state it describes is committed to the store.
 */
public final class Events {
  /** A scan was recorded: {scanId, decision, reason, gate, direction, at, kind, convocationId, service}. */
  public static final String SCANS = "accueil.scans";
  /** A visitor was admitted for an appointment: {appointmentId, service, at}. */
  public static final String ARRIVALS = "accueil.arrivals";
  /** A counter called a ticket: {ticketId, ticket, service, counter, at, kind: call|recall|transfer, transferTo?}. */
  public static final String CALLS = "accueil.calls";
  /** A queue changed (ticket issued, served, absent, transferred): {service}. */
  public static final String QUEUES = "accueil.queues";
  /** An alert was raised or ended: {id, action: raised|ended}. */
  public static final String ALERTS = "accueil.alerts";
  /** Screen content changed (notices, transparency figures, service states): {zones: [...]} (empty = all). */
  public static final String SIGNAGE = "accueil.signage";

  /** A paired device was revoked: {id, kind, target}; open screen streams of that device are closed at once. */
  public static final String DEVICES = "accueil.devices";

  /**
   * Sessions of an account ended (sign-out, ended by an admin, account disabled, password set): {username}; that
   * person's open screen previews are closed at once.
   */
  public static final String SESSIONS = "accueil.sessions";

  /** Messages were written to the outbox: {}; the mail worker looks for due messages at once. */
  public static final String OUTBOX = "accueil.outbox";

  private Events() {}
}
