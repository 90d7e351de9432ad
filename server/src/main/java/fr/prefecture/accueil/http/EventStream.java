package fr.prefecture.accueil.http;

import io.vertx.core.http.HttpServerResponse;

/**
 * Server-sent events on a response: the headers, the frames, and the one rule for a reader that does not keep up
 * (its stream is dropped; it reconnects and gets a full state). Every live stream of the server writes through here.
 */
public final class EventStream {
  /** What became of a frame. */
  public enum Sent {
    SENT,
    /** The connection was already closed: nothing written. */
    CLOSED,
    /** The reader let its write queue fill up: the stream was reset. */
    TOO_SLOW
  }

  private EventStream() {}

  /** Starts the stream: event-stream headers, never cached nor buffered by a proxy, the browser's retry delay. */
  public static void open(HttpServerResponse response, int retryMillis) {
    response.setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no");
    response.write("retry: " + retryMillis + "\n\n");
  }

  /** One event; {@code id} may be null. {@code data} is one line (JSON). */
  public static String event(String id, String name, String data) {
    return (id == null ? "" : "id: " + id + "\n") + "event: " + name + "\ndata: " + data + "\n\n";
  }

  /** A comment line, which EventSource ignores: keeps proxies and the connection's idle timeout from closing it. */
  public static String comment(String text) {
    return ": " + text + "\n\n";
  }

  public static Sent send(HttpServerResponse response, String frame) {
    if (response.closed() || response.ended()) {
      return Sent.CLOSED;
    }
    if (response.writeQueueFull()) {
      response.reset();
      return Sent.TOO_SLOW;
    }
    response.write(frame);
    return Sent.SENT;
  }
}
