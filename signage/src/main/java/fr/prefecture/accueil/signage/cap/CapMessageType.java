package fr.prefecture.accueil.signage.cap;

/** CAP {@code msgType}: a new alert, an update or a cancellation of earlier ones, an acknowledgement, an error. */
public enum CapMessageType {
  ALERT,
  UPDATE,
  CANCEL,
  ACK,
  ERROR
}
