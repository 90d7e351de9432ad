package fr.prefecture.accueil.signage.view;

import java.util.Objects;

/** Today's median waiting time of a service, in minutes; null when nobody has been called yet today. */
public record LiveWaiting(String serviceCode, Text serviceName, Integer medianMinutes) {

  public LiveWaiting {
    Objects.requireNonNull(serviceCode, "serviceCode");
    Objects.requireNonNull(serviceName, "serviceName");
  }

  /** "12 min", or "pas encore de mesure" / "not measured yet". */
  public Text minutes() {
    if (medianMinutes == null) {
      return new Text("pas encore de mesure", "not measured yet");
    }
    return new Text(medianMinutes + " min", medianMinutes + " min");
  }
}
