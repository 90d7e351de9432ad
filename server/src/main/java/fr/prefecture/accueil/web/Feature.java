package fr.prefecture.accueil.web;

import io.vertx.ext.web.Router;

/**
 * One feature of the server, as the main verticle wires it. Each is built by a static {@code create(...)}
 * returning a {@code Future} (its slow set-up runs off the event loop), then declares its API routes and its
 * pages, starts its background work once the server listens, and stops it on close.
 */
public interface Feature {
  /** Declares the API routes (under /api), each with the roles allowed on it. */
  default void mount(Routes api) {}

  /** Mounts the pages (after the security headers, before the failure handlers). */
  default void mountPages(Router root) {}

  /** Starts background work (timers, consumers) once the server listens. */
  default void start() {}

  /** Stops the background work. */
  default void close() {}
}
