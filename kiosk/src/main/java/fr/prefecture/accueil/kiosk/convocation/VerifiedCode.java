package fr.prefecture.accueil.kiosk.convocation;

import java.util.Objects;
import java.util.Optional;

/** Outcome of checking a scanned code: either a genuine {@link Valid} convocation or an {@link Invalid} reason. */
public sealed interface VerifiedCode permits VerifiedCode.Valid, VerifiedCode.Invalid {

  /** True for a genuine convocation. */
  boolean isValid();

  /** The convocation when valid, empty otherwise. */
  Optional<Convocation> convocation();

  /** The failure when invalid, empty otherwise. */
  Optional<CodeFailure> failure();

  /** A convocation whose signature checked out with the key {@code keyId}. */
  record Valid(Convocation value, String keyId) implements VerifiedCode {
    public Valid {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(keyId, "keyId");
    }

    @Override
    public boolean isValid() {
      return true;
    }

    @Override
    public Optional<Convocation> convocation() {
      return Optional.of(value);
    }

    @Override
    public Optional<CodeFailure> failure() {
      return Optional.empty();
    }
  }

  /** A code that must not be honoured, and why. */
  record Invalid(CodeFailure reason) implements VerifiedCode {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean isValid() {
      return false;
    }

    @Override
    public Optional<Convocation> convocation() {
      return Optional.empty();
    }

    @Override
    public Optional<CodeFailure> failure() {
      return Optional.of(reason);
    }
  }
}
