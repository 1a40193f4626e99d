package com.signalhub.bench.peer;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.util.HashSet;
import java.util.Set;

/**
 * Fan-out peer for the Signal Hub benchmark: Vert.x 5 core, one HTTP server (one event loop).
 * Usage: {@code java -jar peer-vertx.jar PORT}; tokens from SUBSCRIBER_TOKENS (comma-separated)
 * and PUBLISHER_TOKEN. Listens on 127.0.0.1 only.
 */
public final class VertxPeer {
  // Only touched on the server's event loop: the handshake, close and request handlers all run there.
  private final Set<ServerWebSocket> sockets = new HashSet<>();
  private final Set<String> subscribers;
  private final String publisher;
  private long seq;

  VertxPeer(Set<String> subscribers, String publisher) {
    this.subscribers = subscribers;
    this.publisher = publisher;
  }

  public static void main(String[] args) {
    int port = Integer.parseInt(args.length > 0 ? args[0] : env("PORT", "8092"));
    VertxPeer peer =
        new VertxPeer(
            Set.of(env("SUBSCRIBER_TOKENS", "dev-subscriber-secret-0001").split(",")),
            env("PUBLISHER_TOKEN", "dev-publisher-secret-0001"));
    Vertx vertx = Vertx.vertx();
    vertx
        .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port).setAcceptBacklog(4096))
        .webSocketHandshakeHandler(peer::handshake)
        .webSocketHandler(peer::open)
        .requestHandler(peer::request)
        .listen()
        .onSuccess(s -> System.out.println("vertx peer listening on 127.0.0.1:" + s.actualPort()))
        .onFailure(
            t -> {
              t.printStackTrace();
              vertx.close();
            });
  }

  void handshake(ServerWebSocketHandshake handshake) {
    if ("/".equals(handshake.path()) && subscribers.contains(bearer(handshake.headers().get("Authorization")))) {
      handshake.accept();
    } else {
      handshake.reject(401);
    }
  }

  void open(ServerWebSocket ws) {
    ws.setWriteQueueMaxSize(1024 * 1024); // about 1 MiB waiting: too slow (see request())
    sockets.add(ws);
    ws.closeHandler(v -> sockets.remove(ws));
    ws.exceptionHandler(t -> ws.close());
  }

  void request(HttpServerRequest req) {
    if (req.method() != HttpMethod.POST || !"/api/signals".equals(req.path())) {
      req.response().setStatusCode(404).end();
      return;
    }
    if (!publisher.equals(bearer(req.getHeader("Authorization")))) {
      req.response().setStatusCode(401).end();
      return;
    }
    req.body()
        .onSuccess(
            body -> {
              String json = body.toString().trim();
              if (!json.startsWith("{") || !json.endsWith("}")) {
                req.response().setStatusCode(400).end();
                return;
              }
              long n = ++seq;
              String frame = json.substring(0, json.length() - 1) + ",\"seq\":" + n + "}";
              for (ServerWebSocket ws : sockets) {
                if (ws.writeQueueFull()) {
                  ws.close((short) 1013, "too slow"); // Signal Hub closes a client that falls behind too
                } else {
                  ws.writeTextMessage(frame);
                }
              }
              req.response()
                  .setStatusCode(202)
                  .putHeader("Content-Type", "application/json")
                  .end("{\"seq\":" + n + "}");
            });
  }

  private static String bearer(String header) {
    return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
  }

  private static String env(String name, String dflt) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? dflt : v;
  }
}
