package fr.prefecture.accueil.signage.view;

import java.time.LocalDate;

/** A calendar quarter, labelled "T2 2025" in French and "Q2 2025" in English. */
public record Quarter(int year, int quarter) {

  public Quarter {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter must be 1 to 4, was " + quarter);
    }
  }

  public static Quarter of(LocalDate date) {
    return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
  }

  public Text label() {
    return new Text("T" + quarter + " " + year, "Q" + quarter + " " + year);
  }
}
