package fr.prefecture.accueil.kiosk.qr;

/** The bytes given to {@link QrDecoder} are not an image it can read: corrupt, truncated, unknown or too large. */
public final class UnreadableImageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnreadableImageException(String message) {
    super(message);
  }

  public UnreadableImageException(String message, Throwable cause) {
    super(message, cause);
  }
}
