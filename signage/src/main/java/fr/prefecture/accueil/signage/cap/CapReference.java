package fr.prefecture.accueil.signage.cap;

import java.time.Instant;

/** One entry of CAP {@code references}: the earlier message an update or cancellation refers to. */
public record CapReference(String sender, String identifier, Instant sent) {}
