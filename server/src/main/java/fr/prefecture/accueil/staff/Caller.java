package fr.prefecture.accueil.staff;

/** Who is calling: a logged-in account (session; staffId set) or an API token (tokenId set). */
public record Caller(Long staffId, Long tokenId, String name, Role role) {

  public boolean token() {
    return tokenId != null;
  }

  public boolean may(Role... roles) {
    if (role == Role.ADMIN || roles.length == 0) {
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
