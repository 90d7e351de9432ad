package fr.prefecture.accueil.signage.view;

import java.util.List;

/** The {@code calls} layout: latest calls, newest first. */
public record CallsView(List<CallView> calls) implements LayoutModel {

  public CallsView {
    calls = List.copyOf(calls);
  }

  @Override
  public String layoutName() {
    return Layouts.CALLS;
  }

  @Override
  public boolean isEmpty() {
    return calls.isEmpty();
  }

  @Override
  public Text readingText() {
    return Text.join(calls.stream().map(CallView::words).toList());
  }
}
