package fr.prefecture.accueil.web;

import fr.prefecture.accueil.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request bodies, read only once the caller is known and allowed: each up to its route's limit, all within one
 * budget of bytes buffered at once across every request, counted chunk by chunk as they arrive (chunked bodies
 * too, not only a declared {@code Content-Length}). A refused request is answered without reading the rest, and
 * its connection closed.
 */
public final class Bodies {
  private final long budget;
  private final AtomicLong buffered = new AtomicLong();

  public Bodies(long budget) {
    this.budget = budget;
  }

  /** Bytes buffered now across all requests (for tests and figures). */
  public long buffered() {
    return buffered.get();
  }

  /** First handler of a route: a declared length over the limit is refused at once; the rest waits, paused. */
  Handler<RoutingContext> hold(long limit) {
    return ctx -> {
      HttpServerRequest request = ctx.request();
      String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
      if (declared != null && tooLong(declared, limit)) {
        ctx.fail(new ApiException(413, "body_too_large", "The request body is too large"));
        return;
      }
      if (!request.isEnded()) {
        request.pause();
      }
      ctx.next();
    };
  }

  /** After the access check: reads the body into memory, within the route's limit and the shared budget. */
  Handler<RoutingContext> read(long limit) {
    return ctx -> {
      RoutingContextInternal internal = (RoutingContextInternal) ctx;
      internal.visitHandler(RoutingContextInternal.BODY_HANDLER);
      HttpServerRequest request = ctx.request();
      if (request.isEnded()) {
        internal.setBody(Buffer.buffer());
        ctx.next();
        return;
      }
      Reading reading = new Reading(ctx, limit);
      ctx.addEndHandler(v -> reading.release());
      request.handler(reading::chunk);
      request.endHandler(v -> reading.end());
      request.resume();
    };
  }

  private static boolean tooLong(String declared, long limit) {
    try {
      return Long.parseLong(declared.strip()) > limit;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /** One request's body being read. */
  private final class Reading {
    private final RoutingContext ctx;
    private final long limit;
    private Buffer body = Buffer.buffer();
    private long held;
    private boolean refused;

    Reading(RoutingContext ctx, long limit) {
      this.ctx = ctx;
      this.limit = limit;
    }

    void chunk(Buffer chunk) {
      if (refused) {
        return;
      }
      if (body.length() + (long) chunk.length() > limit) {
        refuse(new ApiException(413, "body_too_large", "The request body is too large"));
        return;
      }
      if (buffered.addAndGet(chunk.length()) > budget) {
        buffered.addAndGet(-chunk.length());
        ctx.response().putHeader("Retry-After", "5");
        refuse(new ApiException(503, "busy", "Too many uploads at once; try again in a moment"));
        return;
      }
      held += chunk.length();
      body.appendBuffer(chunk);
    }

    void end() {
      if (!refused) {
        ((RoutingContextInternal) ctx).setBody(body);
        ctx.next();
      }
    }

    private void refuse(ApiException failure) {
      refused = true;
      release();
      body = Buffer.buffer();
      ctx.request().pause();
      ctx.fail(failure);
    }

    void release() {
      buffered.addAndGet(-held);
      held = 0;
    }
  }
}
