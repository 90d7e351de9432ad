package fr.prefecture.accueil.auth;

/**
 * Who is calling: a logged-in account (session; staffId set), an API token (tokenId set), or a paired device
 * (device set, no role). A device is never allowed by role: only routes that name its kind let it in.
 */
public record Caller(Long staffId, Long tokenId, String name, Role role, Device device) {

  public Caller(Long staffId, Long tokenId, String name, Role role) {
    this(staffId, tokenId, name, role, null);
  }

  public static Caller of(Device device) {
    return new Caller(null, null, "device:" + device.name(), null, device);
  }

  public boolean token() {
    return tokenId != null;
  }

  public boolean isDevice() {
    return device != null;
  }

  public boolean may(Role... roles) {
    if (device != null) {
      return false;
    }
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

  /** True for a device of one of these kinds. */
  public boolean isDeviceOf(java.util.List<DeviceKind> kinds) {
    return device != null && kinds.contains(device.kind());
  }
}
