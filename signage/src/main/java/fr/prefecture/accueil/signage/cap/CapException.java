package fr.prefecture.accueil.signage.cap;

/** A CAP message that cannot be accepted: not XML, not CAP 1.2, missing or invalid elements, too large, unsafe. */
public class CapException extends IllegalArgumentException {

  public CapException(String message) {
    super(message);
  }

  public CapException(String message, Throwable cause) {
    super(message, cause);
  }
}
