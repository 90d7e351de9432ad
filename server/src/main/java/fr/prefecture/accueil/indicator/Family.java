package fr.prefecture.accueil.indicator;

import java.util.List;
import java.util.Optional;

/**
 * One indicator family: the rollup table it reads, the base columns both the rollup and the live
 * facts project, and the sums a report adds up. Durations (waiting and service times) are
 * histograms of whole minutes instead of sums.
 */
enum Family {
  NO_SHOWS("no-shows", "ind_appointments", List.of("honoured", "no_shows", "cancelled", "pending"),
      List.of("SUM(honoured)", "SUM(no_shows)", "SUM(cancelled)", "SUM(pending)"), null),
  COUNTERS("counters", "ind_counters", List.of("calls", "recalls", "served", "absent", "transferred"),
      List.of("SUM(calls)", "SUM(recalls)", "SUM(served)", "SUM(absent)", "SUM(transferred)"), null),
  FLOWS("flows", "ind_scans", List.of("direction", "decision", "reason", "n", "companions"),
      List.of("SUM(CASE WHEN direction = 'in' AND decision = 'admit' THEN n ELSE 0 END)",
          "SUM(CASE WHEN direction = 'out' AND decision = 'admit' THEN n ELSE 0 END)",
          "SUM(CASE WHEN decision = 'refuse' THEN n ELSE 0 END)",
          "SUM(CASE WHEN direction = 'in' AND decision = 'admit' THEN companions ELSE 0 END)"),
      null),
  REFUSALS("refusals", "ind_scans", List.of("direction", "decision", "reason", "n", "companions"), List.of("SUM(n)"),
      null),
  PAN("pan", "ind_pan", List.of("booked", "honoured", "released", "reused", "slot_walk_ins", "walk_ins_served"),
      List.of("SUM(booked)", "SUM(honoured)", "SUM(released)", "SUM(reused)", "SUM(slot_walk_ins)",
          "SUM(walk_ins_served)"),
      null),
  WAITING_TIMES("waiting-times", null, List.of(), List.of(), "wait"),
  SERVICE_TIMES("service-times", null, List.of(), List.of(), "service");

  final String path;
  final String table;
  final List<String> columns;
  final List<String> sums;
  final String measure;

  Family(String path, String table, List<String> columns, List<String> sums, String measure) {
    this.path = path;
    this.table = table;
    this.columns = columns;
    this.sums = sums;
    this.measure = measure;
  }

  boolean histogram() {
    return measure != null;
  }

  static Optional<Family> of(String path) {
    for (Family f : values()) {
      if (f.path.equals(path)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The fact query of this family over days selected that way, spanning that many offset changes. */
  String facts(Definitions definitions, Definitions.DayFilter days, int slots) {
    return switch (this) {
      case NO_SHOWS -> definitions.appointments(days, slots);
      case COUNTERS -> definitions.counters(days, slots);
      case FLOWS, REFUSALS -> definitions.scans(days, slots);
      case PAN -> definitions.pan(days, slots);
      case WAITING_TIMES, SERVICE_TIMES -> definitions.durations(days, slots);
    };
  }
}
