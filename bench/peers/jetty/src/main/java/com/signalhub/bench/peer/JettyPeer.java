package com.signalhub.bench.peer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Fan-out peer for the Signal Hub benchmark: Jetty 12 core (no servlets) with the Jetty WebSocket
 * API. Usage: {@code java -jar peer-jetty.jar PORT}; tokens from SUBSCRIBER_TOKENS
 * (comma-separated) and PUBLISHER_TOKEN. Listens on 127.0.0.1 only.
 */
public final class JettyPeer {
  private static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();
  private static final AtomicLong SEQ = new AtomicLong();

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args.length > 0 ? args[0] : env("PORT", "8093"));
    Set<String> subscribers = Set.of(env("SUBSCRIBER_TOKENS", "dev-subscriber-secret-0001").split(","));
    String publisher = env("PUBLISHER_TOKEN", "dev-publisher-secret-0001");

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    connector.setAcceptQueueSize(4096);
    server.addConnector(connector);

    WebSocketUpgradeHandler ws =
        WebSocketUpgradeHandler.from(
            server,
            container -> {
              container.setIdleTimeout(Duration.ofHours(1));
              // A client with more frames than this waiting gets its sends failed, and is closed.
              container.setMaxOutgoingFrames(1000);
              container.addMapping(
                  "/",
                  (request, response, callback) -> {
                    if (!subscribers.contains(bearer(request))) {
                      Response.writeError(request, response, callback, HttpStatus.UNAUTHORIZED_401);
                      return null;
                    }
                    return new Subscriber();
                  });
            });
    ws.setHandler(new PublishHandler(publisher));
    server.setHandler(ws);
    server.start();
    System.out.println("jetty peer listening on 127.0.0.1:" + port);
    server.join();
  }

  /** POST /api/signals: add "seq", then one sendText per session with the same String. */
  static final class PublishHandler extends Handler.Abstract.NonBlocking {
    private final String publisher;

    PublishHandler(String publisher) {
      this.publisher = publisher;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      if (!HttpMethod.POST.is(request.getMethod())
          || !"/api/signals".equals(Request.getPathInContext(request))) {
        return false;
      }
      if (!publisher.equals(bearer(request))) {
        Response.writeError(request, response, callback, HttpStatus.UNAUTHORIZED_401);
        return true;
      }
      Content.Source.asString(request, StandardCharsets.UTF_8, new org.eclipse.jetty.util.Promise<>() {
        @Override
        public void succeeded(String body) {
          String trimmed = body.trim();
          if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400);
            return;
          }
          long seq = SEQ.incrementAndGet();
          String frame = trimmed.substring(0, trimmed.length() - 1) + ",\"seq\":" + seq + "}";
          for (Session s : SESSIONS) {
            s.sendText(frame, org.eclipse.jetty.websocket.api.Callback.from(() -> {}, t -> s.disconnect()));
          }
          response.setStatus(HttpStatus.ACCEPTED_202);
          response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
          Content.Sink.write(response, true, "{\"seq\":" + seq + "}", callback);
        }

        @Override
        public void failed(Throwable x) {
          Response.writeError(request, response, callback, x);
        }
      });
      return true;
    }
  }

  /** A subscriber: only kept in the broadcast set while open. */
  public static final class Subscriber extends Session.Listener.AbstractAutoDemanding {
    @Override
    public void onWebSocketOpen(Session session) {
      super.onWebSocketOpen(session);
      SESSIONS.add(session);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
      SESSIONS.remove(getSession());
    }

    @Override
    public void onWebSocketError(Throwable cause) {
      SESSIONS.remove(getSession());
    }
  }

  static String bearer(Request request) {
    String h = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    return h != null && h.startsWith("Bearer ") ? h.substring(7) : null;
  }

  private static String env(String name, String dflt) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? dflt : v;
  }
}
