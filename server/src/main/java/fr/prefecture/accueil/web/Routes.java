package fr.prefecture.accueil.web;

import fr.prefecture.accueil.auth.Access;
import fr.prefecture.accueil.auth.DeviceKind;
import fr.prefecture.accueil.auth.Role;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The API route table: every route is declared with the roles allowed on it, so that no route can
 * be added without an access check, and the full table can be listed (and tested role by role).
 */
public final class Routes {
  public static final long DEFAULT_BODY_LIMIT = 64 * 1024;

  /**
   * One declared route: method, path under /api, roles (empty = anyone logged in, null = open), and the kinds of
   * paired devices also let in (empty for almost every route: a device never gets in by role).
   */
  public record Declared(HttpMethod method, String path, List<Role> roles, List<DeviceKind> devices) {}

  private final Router router;
  private final Access access;
  private final Bodies bodies;
  private final List<Declared> declared = new ArrayList<>();

  public Routes(Router router, Access access, Bodies bodies) {
    this.router = router;
    this.access = access;
    this.bodies = bodies;
  }

  /** Routes anyone may call (login). */
  public Builder open() {
    return new Builder(null, List.of(), DEFAULT_BODY_LIMIT);
  }

  /** Routes any logged-in role may call. */
  public Builder any() {
    return new Builder(List.of(), List.of(), DEFAULT_BODY_LIMIT);
  }

  /** Routes for the given roles (admin is always allowed). */
  public Builder with(Role... roles) {
    return new Builder(List.of(roles), List.of(), DEFAULT_BODY_LIMIT);
  }

  public List<Declared> declared() {
    return Collections.unmodifiableList(declared);
  }

  public Router router() {
    return router;
  }

  /** Declares one route; the body is read (up to its limit) only after the access check. */
  public final class Builder {
    private final List<Role> roles;
    private final List<DeviceKind> devices;
    private final long bodyLimit;

    Builder(List<Role> roles, List<DeviceKind> devices, long bodyLimit) {
      this.roles = roles;
      this.devices = devices;
      this.bodyLimit = bodyLimit;
    }

    public Builder bodyLimit(long bytes) {
      return new Builder(roles, devices, bytes);
    }

    /** Also lets in paired devices of these kinds (on top of the roles). */
    public Builder devices(DeviceKind... kinds) {
      if (roles == null) {
        throw new IllegalStateException("an open route needs no device");
      }
      return new Builder(roles, List.of(kinds), bodyLimit);
    }

    public Route get(String path) {
      return route(HttpMethod.GET, path);
    }

    public Route post(String path) {
      return route(HttpMethod.POST, path);
    }

    public Route put(String path) {
      return route(HttpMethod.PUT, path);
    }

    public Route delete(String path) {
      return route(HttpMethod.DELETE, path);
    }

    public Route route(HttpMethod method, String path) {
      declared.add(new Declared(method, path, roles, devices));
      Route route = router.route(method, path);
      route.handler(bodies.hold(bodyLimit));
      if (roles != null) {
        route.handler(access.allow(roles, devices));
      }
      route.handler(bodies.read(bodyLimit));
      return route;
    }
  }
}
