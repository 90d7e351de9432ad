package fr.prefecture.accueil.signage.view;

import java.util.ArrayList;
import java.util.List;

/** The {@code transparency} layout: last quarter's average processing times and today's live median waits. */
public record TransparencyView(Quarter quarter, List<QuarterlyDelay> delays, List<LiveWaiting> waitingToday)
    implements
      LayoutModel {

  public TransparencyView {
    delays = delays == null ? List.of() : List.copyOf(delays);
    waitingToday = waitingToday == null ? List.of() : List.copyOf(waitingToday);
    if (quarter == null && !delays.isEmpty()) {
      throw new IllegalArgumentException("quarterly delays need their quarter");
    }
  }

  public Text title() {
    return Texts.get("transparency.title");
  }

  public Text waitingTitle() {
    return Texts.get("transparency.waiting");
  }

  public boolean hasDelays() {
    return !delays.isEmpty();
  }

  public boolean hasWaiting() {
    return !waitingToday.isEmpty();
  }

  /** The services with a median wait today, one line each. */
  public List<LiveWaiting> measured() {
    return waitingToday.stream().filter(w -> w.medianMinutes() != null).toList();
  }

  /**
   * The services without a measure yet, in one line: "Pas encore de mesure pour : A, B" / "Not measured yet for: A,
   * B" (rather than one "not measured yet" per service); null when every service has one.
   */
  public Text notMeasured() {
    List<LiveWaiting> none = waitingToday.stream().filter(w -> w.medianMinutes() == null).toList();
    if (none.isEmpty()) {
      return null;
    }
    Text intro = Texts.get("transparency.not-measured");
    return new Text(intro.fr() + " " + names(none, Language.FR), intro.en() + " " + names(none, Language.EN));
  }

  private static String names(List<LiveWaiting> services, Language language) {
    return String.join(", ", services.stream().map(w -> {
      String name = w.serviceName().in(language);
      return name == null || name.isBlank() ? w.serviceCode() : name;
    }).toList());
  }

  @Override
  public String layoutName() {
    return Layouts.TRANSPARENCY;
  }

  @Override
  public boolean isEmpty() {
    return delays.isEmpty() && waitingToday.isEmpty();
  }

  @Override
  public Text readingText() {
    List<Text> all = new ArrayList<>();
    if (hasDelays()) {
      all.add(title());
      all.add(quarter.label());
      delays.forEach(d -> {
        all.add(d.procedure().label());
        all.add(d.days());
      });
    }
    if (hasWaiting()) {
      all.add(waitingTitle());
      measured().forEach(w -> {
        all.add(w.serviceName());
        all.add(w.minutes());
      });
      all.add(notMeasured());
    }
    return Text.join(all);
  }
}
