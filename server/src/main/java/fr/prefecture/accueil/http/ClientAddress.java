package fr.prefecture.accueil.http;

import io.netty.util.NetUtil;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request comes from, the one way every throttle, cap and audit line reads it: the peer's address,
 * or, when the peer is one of the trusted reverse proxies ({@code server.trustedProxies}), the address that proxy
 * forwards in {@code X-Forwarded-For} (the right-most entry that is not itself a trusted proxy). From anyone else
 * that header is ignored: a client cannot choose its own address.
 */
public final class ClientAddress {
  private static final String KEY = "clientAddress";
  private static final int MAX_FORWARDED = 20;

  private final Set<String> trusted;

  public ClientAddress(List<String> trustedProxies) {
    this.trusted = trustedProxies.stream()
        .map(p -> literal(p).orElseThrow(() -> new IllegalArgumentException("not an IP address: " + p)))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** An IP address written as a literal, in its canonical form; empty for anything else (no name is resolved). */
  public static Optional<String> literal(String text) {
    String s = text == null ? "" : text.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    if (!NetUtil.isValidIpV4Address(s) && !NetUtil.isValidIpV6Address(s)) {
      return Optional.empty();
    }
    InetAddress address = NetUtil.createInetAddressFromIpAddressString(s);
    return Optional.ofNullable(address).map(NetUtil::toAddressString);
  }

  /** Whether this peer address is one of the trusted reverse proxies. */
  public boolean trusted(String peer) {
    return peer != null && trusted.contains(peer);
  }

  /** The peer's own address, canonical. */
  public static String peer(SocketAddress address) {
    if (address == null || address.hostAddress() == null) {
      return "unknown";
    }
    return literal(address.hostAddress()).orElse(address.hostAddress());
  }

  /** The client's address for this request. */
  public String of(HttpServerRequest request) {
    String peer = peer(request.remoteAddress());
    if (!trusted(peer)) {
      return peer;
    }
    List<String> forwarded = request.headers().getAll("X-Forwarded-For");
    String client = peer;
    int seen = 0;
    // Right to left: the last entry was added by our own proxy; stop at the first one no trusted proxy wrote.
    for (int h = forwarded.size() - 1; h >= 0 && seen < MAX_FORWARDED; h--) {
      String[] entries = forwarded.get(h).split(",");
      for (int i = entries.length - 1; i >= 0 && seen < MAX_FORWARDED; i--, seen++) {
        Optional<String> entry = literal(entries[i]);
        if (entry.isEmpty()) {
          return client;
        }
        client = entry.get();
        if (!trusted(client)) {
          return client;
        }
      }
    }
    return client;
  }

  /** The first handler of the root router: reads the address once for the whole request. */
  public Handler<RoutingContext> handler() {
    return ctx -> {
      ctx.put(KEY, of(ctx.request()));
      ctx.next();
    };
  }

  /** The client's address as the root handler read it (the peer's if it did not run). */
  public static String of(RoutingContext ctx) {
    String address = ctx.get(KEY);
    return address != null ? address : peer(ctx.request().remoteAddress());
  }
}
