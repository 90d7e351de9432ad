package fr.prefecture.accueil.signage.view;

import java.time.Instant;
import java.util.Objects;

/**
 * A ticket called to a counter. {@code newest} marks the latest call on the screen;
 * {@code transferTo}, when not null, tells the visitor where to go instead (a transfer: the other service's name),
 * and {@code counter} may then be null (a ticket sent on before any counter called it).
 */
public record CallView(String ticket, Text counter, Text service, Instant at, boolean newest, Text transferTo) {

  public CallView {
    Objects.requireNonNull(ticket, "ticket");
    if (counter == null && transferTo == null) {
      throw new NullPointerException("counter");
    }
    Objects.requireNonNull(at, "at");
  }

  public CallView(String ticket, Text counter, Text service, Instant at, boolean newest) {
    this(ticket, counter, service, at, newest, null);
  }

  public boolean transferred() {
    return transferTo != null;
  }

  Text words() {
    return Text.join(java.util.Arrays.asList(new Text(ticket, ticket), counter, service, transferTo));
  }
}
