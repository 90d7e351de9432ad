package fr.prefecture.accueil.auth;

import java.util.Locale;
import java.util.Optional;

/** What a paired device is: a screen reads only its own screen; a kiosk only scans at its gate. */
public enum DeviceKind {
  SCREEN,
  KIOSK;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<DeviceKind> parse(String code) {
    for (DeviceKind k : values()) {
      if (k.code().equals(code)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
