package fr.prefecture.accueil.signage.cap;

/** CAP {@code urgency}. */
public enum CapUrgency {
  IMMEDIATE,
  EXPECTED,
  FUTURE,
  PAST,
  UNKNOWN
}
