package fr.prefecture.accueil.kiosk.convocation;

/** Why a scanned convocation code was not accepted. */
public enum CodeFailure {
  /** Not a convocation code at all: unreadable, truncated, wrong alphabet, unknown version, too long. */
  MALFORMED,
  /** Signed with a key this site does not know, or one that was retired. */
  UNKNOWN_KEY,
  /** Well formed but the signature does not match: forged or altered. */
  INVALID_SIGNATURE
}
