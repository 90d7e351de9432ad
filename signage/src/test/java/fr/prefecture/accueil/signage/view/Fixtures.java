package fr.prefecture.accueil.signage.view;

import java.time.Instant;
import java.util.List;

/** Sample view models shared by the rendering tests. */
public final class Fixtures {

  public static final Instant NOW = Instant.parse("2025-06-03T08:30:00Z");

  private Fixtures() {}

  public static ScreenView screen(LanguageMode mode, Orientation orientation) {
    return new ScreenView("hall-a", "Hall A", "hall", orientation, mode, true);
  }

  public static CallView call(String ticket, boolean newest) {
    return new CallView(ticket, new Text("Guichet 3", "Counter 3"), new Text("Titres", "ID documents"),
        NOW, newest);
  }

  public static CallsView calls() {
    return new CallsView(List.of(call("E012", true),
        new CallView("T007", new Text("Guichet 1", "Counter 1"), new Text("Étrangers", "Foreign nationals"),
            NOW.minusSeconds(120), false, new Text("Bâtiment B, guichet 5", "Building B, counter 5"))));
  }

  public static WayfindingView wayfinding() {
    return new WayfindingView(List.of(
        new ServiceWayfinding("etrangers", new Text("Étrangers", "Foreign nationals"),
            new Text("Bâtiment A", "Building A"), 1,
            new Text("Salle 12", "Room 12"), Direction.LEFT, ServiceStatus.OPEN, List.of(call("E012", true))),
        new ServiceWayfinding("pan", new Text("Point d'accueil numérique", "Digital help point"),
            new Text("Bâtiment A", "Building A"), 0, null, Direction.HERE, ServiceStatus.FULL, List.of())));
  }

  public static NoticeView notice(String id, String fr, String en, NoticePriority priority) {
    return new NoticeView(id, new Text(fr, en), NOW.minusSeconds(3600), NOW.plusSeconds(3600), List.of(), priority);
  }

  public static NoticesView notices() {
    return new NoticesView(List.of(
        notice("n1", "Fermeture exceptionnelle à 15 h", "Exceptional closing at 3 pm", NoticePriority.HIGH),
        notice("n2", "Pensez à vos photos d'identité", "Remember your ID photos", NoticePriority.NORMAL)));
  }

  public static TransparencyView transparency() {
    return new TransparencyView(new Quarter(2025, 1),
        List.of(new QuarterlyDelay(Procedure.CNI_PASSEPORT, 24.5), new QuarterlyDelay(Procedure.IMMATRICULATION, 3),
            new QuarterlyDelay(Procedure.PERMIS, 12)),
        List.of(new LiveWaiting("etrangers", new Text("Étrangers", "Foreign nationals"), 14),
            new LiveWaiting("titres", new Text("Titres", "ID documents"), null)));
  }

  public static AccessView access() {
    return AccessView.standard(20, new Text("Bâtiment A, rez-de-chaussée", "Building A, ground floor"));
  }

  public static AffluenceView affluence() {
    return new AffluenceView(List.of("morning", "midday", "afternoon"), List.of(
        new AffluenceView.Day("1", new Text("Lundi", "Monday"), List.of(AffluenceView.Level.VERY_BUSY,
            AffluenceView.Level.BUSY, AffluenceView.Level.QUIET)),
        new AffluenceView.Day("2", new Text("Mardi", "Tuesday"), List.of(AffluenceView.Level.BUSY,
            AffluenceView.Level.QUIET, AffluenceView.Level.UNMEASURED))));
  }

  public static List<LayoutModel> allModels() {
    return List.of(calls(), wayfinding(), notices(), CharterView.standard(), transparency(), access(), affluence());
  }
}
