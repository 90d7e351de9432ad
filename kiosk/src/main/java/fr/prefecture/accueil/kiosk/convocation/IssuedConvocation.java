package fr.prefecture.accueil.kiosk.convocation;

/**
 * A freshly signed convocation: {@code code} goes into the QR (Base45, QR alphanumeric alphabet),
 * {@code manualCode} is printed beneath it for typing at the gate when the QR cannot be read; {@code keyId}
 * names the key that signed it.
 */
public record IssuedConvocation(String code, String manualCode, String keyId) {}
