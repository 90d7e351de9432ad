package fr.prefecture.accueil.screen;

import java.time.Instant;
import java.util.List;

/**
 * A crisis alert as stored: texts (each optional in one language), zones (empty = everywhere), who raised and
 * who ended it, and for CAP alerts the sender and identifier later messages refer to.
 */
record StoredAlert(long id, String source, String headlineFr, String headlineEn, String messageFr, String messageEn,
    String instructionFr, String instructionEn, String severity, List<String> zones, Instant raisedAt, String raisedBy,
    Instant expires, Instant endedAt, String endedBy, String endReason, String capSender, String capIdentifier) {

  boolean open() {
    return endedAt == null;
  }
}
