package fr.prefecture.accueil.signage.view;

import java.util.List;

/** Names of the layouts a playlist may use. */
public final class Layouts {

  public static final String WAYFINDING = "wayfinding";
  public static final String CALLS = "calls";
  public static final String NOTICES = "notices";
  public static final String CHARTER = "charter";
  public static final String TRANSPARENCY = "transparency";
  public static final String ACCESS = "access";
  public static final String AFFLUENCE = "affluence";

  /** Every layout usable in a playlist, in a sensible default order. */
  public static final List<String> NAMES = List.of(CALLS, WAYFINDING, NOTICES, ACCESS, TRANSPARENCY, AFFLUENCE,
      CHARTER);

  private Layouts() {}
}
