package fr.prefecture.accueil.signage.view;

import java.util.List;

/** The {@code notices} layout: the notices visible on this screen, already filtered and sorted. */
public record NoticesView(List<NoticeView> notices) implements LayoutModel {

  public NoticesView {
    notices = List.copyOf(notices);
  }

  @Override
  public String layoutName() {
    return Layouts.NOTICES;
  }

  @Override
  public boolean isEmpty() {
    return notices.isEmpty();
  }

  @Override
  public Text readingText() {
    return Text.join(notices.stream().map(NoticeView::text).toList());
  }
}
