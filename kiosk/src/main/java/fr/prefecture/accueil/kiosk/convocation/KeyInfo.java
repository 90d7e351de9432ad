package fr.prefecture.accueil.kiosk.convocation;

import java.time.Instant;

/** One signing key of the {@link KeyRing}, as shown to an administrator. */
public record KeyInfo(String id, Instant created, boolean active, boolean retired) {}
