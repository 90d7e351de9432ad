package fr.prefecture.accueil.screen;

import java.time.Instant;
import java.util.List;

/** A notice as stored: plain text in both languages, shown from {@code from} to {@code to} in its zones. */
record Notice(long id, String fr, String en, Instant from, Instant to, List<String> zones, String priority,
    Instant createdAt, String createdBy) {}
