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
      waitingToday.forEach(w -> {
        all.add(w.serviceName());
        all.add(w.minutes());
      });
    }
    return Text.join(all);
  }
}
