package fr.prefecture.accueil;

/** Entry point placeholder. */
public final class Main {
  public static void main(String[] args) {
  }
}
