package fr.prefecture.accueil.support;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An event stream (a screen's, the hall's) read raw over HTTP, event by event, the way EventSource parses it. */
public final class SseStream implements AutoCloseable {
  public static final Duration WAIT = Duration.ofSeconds(10);

  public record Event(String id, String name, String data) {
    public JsonObject json() {
      return new JsonObject(data);
    }
  }

  public final HttpClientResponse response;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final StringBuilder pending = new StringBuilder();

  private SseStream(HttpClientResponse response) {
    this.response = response;
    response.handler(buffer -> {
      synchronized (pending) {
        pending.append(buffer.toString());
        int end;
        while ((end = pending.indexOf("\n\n")) >= 0) {
          String block = pending.substring(0, end);
          pending.delete(0, end + 2);
          parse(block);
        }
      }
    });
  }

  /** A screen's stream, resumed after {@code lastEventId} if not null. */
  public static SseStream open(HttpClient client, int port, String screen, String lastEventId) {
    return at(client, port, "/screens/" + screen + "/events",
        lastEventId == null ? java.util.Map.of() : java.util.Map.of("Last-Event-ID", lastEventId));
  }

  /** The stream at this path, with these request headers (credentials, Last-Event-ID). */
  public static SseStream at(HttpClient client, int port, String path, java.util.Map<String, String> headers) {
    HttpClientRequest request = client.request(HttpMethod.GET, port, "localhost", path).await();
    headers.forEach(request::putHeader);
    // the handler must be set as the response arrives, on its event loop, or the first chunks are lost
    SseStream stream = request.send().map(SseStream::new).await();
    if (stream.response.statusCode() != 200) {
      throw new IllegalStateException("stream answered " + stream.response.statusCode());
    }
    return stream;
  }

  private void parse(String block) {
    String id = null;
    String name = "message";
    StringBuilder data = new StringBuilder();
    for (String line : block.split("\n")) {
      if (line.startsWith("id: ")) {
        id = line.substring(4);
      } else if (line.startsWith("event: ")) {
        name = line.substring(7);
      } else if (line.startsWith("data: ")) {
        data.append(line.substring(6));
      }
    }
    if (data.length() > 0) {
      events.add(new Event(id, name, data.toString()));
    }
  }

  /** The next event other than a heartbeat; fails after {@link #WAIT}. */
  public Event next() {
    try {
      while (true) {
        Event e = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
          throw new AssertionError("no event within " + WAIT);
        }
        if (!e.name().equals("heartbeat")) {
          return e;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Skips events until one with this name arrives. */
  public Event next(String name) {
    while (true) {
      Event e = next();
      if (e.name().equals(name)) {
        return e;
      }
    }
  }

  @Override
  public void close() {
    response.request().connection().close();
  }
}
