package fr.prefecture.accueil.signage.view;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A notice written by staff, shown from {@code from} (inclusive) to {@code to} (exclusive) in its zones (empty = everywhere). */
public record NoticeView(String id, Text text, Instant from, Instant to, List<String> zones, NoticePriority priority) {

  public NoticeView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    zones = zones == null ? List.of() : List.copyOf(zones);
    priority = priority == null ? NoticePriority.NORMAL : priority;
  }

  public boolean high() {
    return priority == NoticePriority.HIGH;
  }
}
