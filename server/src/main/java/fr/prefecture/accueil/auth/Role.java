package fr.prefecture.accueil.auth;

import java.util.Locale;
import java.util.Optional;

/** What a staff account or token may do; admin may do everything. */
public enum Role {
  ADMIN,
  MANAGER,
  AGENT,
  GUARD;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String code) {
    for (Role r : values()) {
      if (r.code().equals(code)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
