package fr.prefecture.accueil.signage.playlist;

import java.util.List;

/** The zone rule shared by notices and alerts: no zones means everywhere. */
final class Zones {

  private Zones() {}

  static boolean covers(List<String> zones, String zone) {
    return zones.isEmpty() || zones.contains(zone);
  }
}
