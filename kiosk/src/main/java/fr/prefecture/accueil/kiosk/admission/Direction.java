package fr.prefecture.accueil.kiosk.admission;

/** Which way a visitor passes the gate. */
public enum Direction {
  IN,
  OUT
}
