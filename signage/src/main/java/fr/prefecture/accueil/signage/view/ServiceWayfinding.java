package fr.prefecture.accueil.signage.view;

import java.util.List;
import java.util.Objects;

/**
 * One service as seen from one screen: where it is ({@code floor} 0 = ground floor, negative = basement),
 * which way to go from this screen, whether it is open, and its latest calls (newest first).
 */
public record ServiceWayfinding(String code, Text name, String building, int floor, String room,
                                Direction direction, ServiceStatus status, List<CallView> latestCalls) {

    public ServiceWayfinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(status, "status");
        latestCalls = latestCalls == null ? List.of() : List.copyOf(latestCalls);
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

    Text words() {
        return Text.join(List.of(name, floorLabel(), direction.words(), status.label()));
    }
}
