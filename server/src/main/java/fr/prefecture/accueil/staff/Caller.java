package fr.prefecture.accueil.staff;

/** Who is calling: a logged-in account (session) or an API token. */
public record Caller(long staffId, String name, Role role, boolean token) {

  public boolean may(Role... roles) {
    if (role == Role.ADMIN) {
      return true;
    }
    for (Role r : roles) {
      if (r == role) {
        return true;
      }
    }
    return false;
  }
}
