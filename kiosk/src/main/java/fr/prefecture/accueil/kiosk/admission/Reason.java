package fr.prefecture.accueil.kiosk.admission;

import fr.prefecture.accueil.kiosk.convocation.CodeFailure;
import java.util.Locale;

/** Why a visitor was admitted or refused at the gate; {@link #code()} is the API's wire value. */
public enum Reason {
  OK,
  TOO_EARLY,
  TOO_LATE,
  WRONG_DAY,
  CANCELLED,
  ALREADY_INSIDE,
  /** Legacy: what kiosks before exits were always let out recorded for an exit without entry (still replayed). */
  NOT_INSIDE,
  /** An exit let out although no entry was recorded: a guard cannot stop someone leaving. */
  NO_ENTRY_RECORDED,
  INVALID_SIGNATURE,
  UNKNOWN_KEY,
  MALFORMED,
  UNKNOWN_CONVOCATION;

  private final String code = name().toLowerCase(Locale.ROOT);

  /** Whether a verdict with this reason opens the gate: entries on time, and every exit. */
  public boolean admits() {
    return this == OK || this == NO_ENTRY_RECORDED;
  }

  /** Lower snake case, as in the HTTP API: {@code too_early}. */
  public String code() {
    return code;
  }

  /** The refusal reason for a code that did not verify. */
  public static Reason of(CodeFailure failure) {
    return switch (failure) {
      case MALFORMED -> MALFORMED;
      case UNKNOWN_KEY -> UNKNOWN_KEY;
      case INVALID_SIGNATURE -> INVALID_SIGNATURE;
    };
  }
}
