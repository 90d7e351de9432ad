package fr.prefecture.accueil.kiosk.convocation;

/** What a convocation admits its bearer to: a service appointment or an invitation to a meeting. */
public enum ConvocationKind {
  APPOINTMENT,
  INVITATION
}
