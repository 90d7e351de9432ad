package fr.prefecture.accueil.signage.speech;

import fr.prefecture.accueil.signage.view.Text;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a screen says when a ticket is called, in French then English: "Ticket T 3, guichet 1" / "Ticket T 3,
 * counter 1". Letters are spelt one by one and numbers said without their leading zeros, so that a speech engine
 * reads "T003" as "T three" and not as a word; a counter named with the ticket's own letters (T1 for ticket T003) is
 * said by its number alone.
 */
public final class CallWords {
  /** A ticket number as the queues write them: one to three letters, then digits. */
  public static final Pattern TICKET = Pattern.compile("([A-Z]{1,3})([0-9]{1,5})");
  /** A counter id as the site file names them. */
  public static final Pattern COUNTER = Pattern.compile("[A-Za-z0-9-]{1,16}");

  private static final Pattern LETTERS_DIGITS = Pattern.compile("([A-Za-z]*)([0-9]*)");

  private CallWords() {}

  /** The announcement of {@code ticket} called to {@code counter}, in both languages. */
  public static Text of(String ticket, String counter) {
    Matcher t = TICKET.matcher(ticket);
    if (!t.matches() || !COUNTER.matcher(counter).matches()) {
      throw new IllegalArgumentException("ticket like T003 and a counter id expected");
    }
    String spokenTicket = spell(t.group(1)) + " " + Integer.parseInt(t.group(2));
    String spokenCounter = counter(counter, t.group(1));
    return new Text("Ticket " + spokenTicket + ", guichet " + spokenCounter + ".",
        "Ticket " + spokenTicket + ", counter " + spokenCounter + ".");
  }

  private static String counter(String counter, String ticketLetters) {
    Matcher m = LETTERS_DIGITS.matcher(counter);
    if (!m.matches() || m.group(2).isEmpty()) {
      return spell(counter);
    }
    String number = Integer.toString(Integer.parseInt(m.group(2)));
    return m.group(1).isEmpty() || m.group(1).equalsIgnoreCase(ticketLetters) ? number
        : spell(m.group(1).toUpperCase(java.util.Locale.ROOT)) + " " + number;
  }

  private static String spell(String letters) {
    return String.join(" ", letters.split(""));
  }
}
