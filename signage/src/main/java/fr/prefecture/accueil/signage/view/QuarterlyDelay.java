package fr.prefecture.accueil.signage.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** The average processing time of a procedure over a quarter, in days. */
public record QuarterlyDelay(Procedure procedure, double averageDays) {

  public QuarterlyDelay {
    Objects.requireNonNull(procedure, "procedure");
    if (averageDays < 0 || Double.isNaN(averageDays)) {
      throw new IllegalArgumentException("averageDays must be ≥ 0");
    }
  }

  /** "12,5 jours" / "12.5 days" (one decimal at most; "1 jour" / "1 day"). */
  public Text days() {
    String n = BigDecimal.valueOf(averageDays).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    boolean one = averageDays <= 1.0 && n.equals("1");
    return new Text(n.replace('.', ',') + (one ? " jour" : " jours"), n + (one ? " day" : " days"));
  }
}
