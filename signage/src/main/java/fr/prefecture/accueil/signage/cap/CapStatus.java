package fr.prefecture.accueil.signage.cap;

/** CAP {@code status}: only {@code Actual} messages reach the public (see {@link CapAlert#live()}). */
public enum CapStatus {
  ACTUAL,
  EXERCISE,
  SYSTEM,
  TEST,
  DRAFT
}
