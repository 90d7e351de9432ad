package fr.prefecture.accueil.queue;

import fr.prefecture.accueil.site.Site.QueueRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The order in which a service's waiting tickets are called. Transferred visitors have already
 * waited once: they come first, in the order they were transferred. Then the service's rule.
 */
final class QueueOrder {
  private static final Comparator<Ticket> BY_DUE = Comparator.comparing(Ticket::due).thenComparingLong(Ticket::id);
  private static final Comparator<Ticket> BY_TRANSFER = Comparator.comparing(Ticket::transferredAt)
      .thenComparingLong(Ticket::id);

  private QueueOrder() {}

  /**
   * @param lastCallBooked whether the service's last call today was for a booked visitor, if any
   *     call was made (only the alternate rule uses it)
   */
  static List<Ticket> order(List<Ticket> waiting, QueueRule rule, Optional<Boolean> lastCallBooked) {
    List<Ticket> out = new ArrayList<>(waiting.stream().filter(Ticket::transferred).sorted(BY_TRANSFER).toList());
    List<Ticket> rest = waiting.stream().filter(t -> !t.transferred()).sorted(BY_DUE).toList();
    List<Ticket> booked = rest.stream().filter(t -> t.kind().booked()).toList();
    List<Ticket> walkIns = rest.stream().filter(t -> !t.kind().booked()).toList();
    switch (rule) {
      case BY_TIME -> out.addAll(rest);
      case APPOINTMENTS_FIRST -> {
        out.addAll(booked);
        out.addAll(walkIns);
      }
      case ALTERNATE -> {
        boolean bookedTurn = !lastCallBooked.orElse(false);
        int b = 0;
        int w = 0;
        while (b < booked.size() || w < walkIns.size()) {
          if ((bookedTurn && b < booked.size()) || w >= walkIns.size()) {
            out.add(booked.get(b++));
          } else {
            out.add(walkIns.get(w++));
          }
          bookedTurn = !bookedTurn;
        }
      }
      default -> throw new IllegalStateException(rule.toString());
    }
    return out;
  }
}
