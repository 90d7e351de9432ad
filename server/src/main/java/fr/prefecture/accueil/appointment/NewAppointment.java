package fr.prefecture.accueil.appointment;

import java.time.Instant;
import java.time.LocalDate;

/** A validated appointment, ready to store. */
record NewAppointment(String service, Instant start, LocalDate localDate, int durationMinutes,
    String name, String email, String phone, String reference) {}
