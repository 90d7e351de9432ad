package fr.prefecture.accueil.signage.view;

import java.util.List;
import java.util.Objects;

/**
 * One service as seen from one screen: where it is ({@code floor} 0 = ground floor, negative = basement),
 * which way to go from this screen, whether it is open, and its latest calls (newest first). {@code building},
 * {@code room} and {@code movedTo} (where a moved service now receives) are optional.
 */
public record ServiceWayfinding(String code, Text name, Text building, int floor, Text room,
    Direction direction, ServiceStatus status, List<CallView> latestCalls, Text movedTo) {

  public ServiceWayfinding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(status, "status");
    latestCalls = latestCalls == null ? List.of() : List.copyOf(latestCalls);
  }

  public ServiceWayfinding(String code, Text name, Text building, int floor, Text room,
      Direction direction, ServiceStatus status, List<CallView> latestCalls) {
    this(code, name, building, floor, room, direction, status, latestCalls, null);
  }

  /** "Rez-de-chaussée / Ground floor", "2e étage / Floor 2", "Sous-sol 1 / Basement 1". */
  public Text floorLabel() {
    if (floor == 0) {
      return new Text("Rez-de-chaussée", "Ground floor");
    }
    if (floor < 0) {
      return new Text("Sous-sol " + -floor, "Basement " + -floor);
    }
    return new Text(floor == 1 ? "1er étage" : floor + "e étage", "Floor " + floor);
  }

  /** True when the service is announced as moved and says where to. */
  public boolean showsMovedTo() {
    return status == ServiceStatus.MOVED && movedTo != null;
  }

  Text words() {
    return Text.join(java.util.Arrays.asList(name, floorLabel(), direction.words(), status.label(),
        showsMovedTo() ? movedTo : null));
  }
}
