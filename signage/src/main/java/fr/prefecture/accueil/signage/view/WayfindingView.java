package fr.prefecture.accueil.signage.view;

import java.util.List;

/** The {@code wayfinding} layout: each service, where it is from this screen, its state and latest calls. */
public record WayfindingView(List<ServiceWayfinding> services) implements LayoutModel {

  public WayfindingView {
    services = List.copyOf(services);
  }

  @Override
  public String layoutName() {
    return Layouts.WAYFINDING;
  }

  @Override
  public boolean isEmpty() {
    return services.isEmpty();
  }

  @Override
  public Text readingText() {
    return Text.join(services.stream().map(ServiceWayfinding::words).toList());
  }
}
