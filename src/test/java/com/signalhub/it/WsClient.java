package com.signalhub.it;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A real WebSocket client (the JDK's) that sends the Authorization header, as the guide's do. */
final class WsClient implements WebSocket.Listener, AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(15);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  record Close(int code, String reason) {}

  final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  final CompletableFuture<Close> closed = new CompletableFuture<>();
  final AtomicBoolean opened = new AtomicBoolean();
  private final StringBuilder partial = new StringBuilder();
  private final List<String> pushedBack = new ArrayList<>();
  private WebSocket socket;

  static URI streamUri(URI base) {
    return URI.create(base.toString().replaceFirst("^http", "ws"));
  }

  /**
   * Connects and waits until the server has registered the connection for broadcasts: the client
   * sees the upgrade succeed before the server's endpoint has opened, so a signal published in
   * between would not be for it. The answer to {@code test} proves the endpoint is open.
   */
  static WsClient connect(URI base, String token) throws Exception {
    return connect(HTTP, base, Map.of("Authorization", "Bearer " + token));
  }

  /** Connects to {@code base} (its query included) with these headers, over this client. */
  static WsClient connect(HttpClient http, URI base, Map<String, String> headers) throws Exception {
    WsClient client = new WsClient();
    WebSocket.Builder builder = http.newWebSocketBuilder();
    headers.forEach(builder::header);
    client.socket =
        builder.buildAsync(streamUri(base), client).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    client.send("test");
    List<String> before = new ArrayList<>(); // signals (or a replay) may come before the answer
    for (String frame = client.next();
        !frame.endsWith("\"is_test\":true}");
        frame = client.next()) {
      before.add(frame);
    }
    client.pushedBack.addAll(before);
    return client;
  }

  /** The HTTP status the upgrade was refused with; fails if a session opened. */
  static int refusedStatus(URI base, String authorization) throws Exception {
    return refusedStatus(
        base, authorization == null ? Map.of() : Map.of("Authorization", authorization));
  }

  /** The HTTP status an upgrade with these headers was refused with; fails if a session opened. */
  static int refusedStatus(URI base, Map<String, String> headers) throws Exception {
    WsClient client = new WsClient();
    WebSocket.Builder builder = HTTP.newWebSocketBuilder();
    headers.forEach(builder::header);
    try {
      builder.buildAsync(streamUri(base), client).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        if (client.opened.get() || !client.messages.isEmpty()) {
          fail("a refused client saw its session open or a message");
        }
        return refused.getResponse().statusCode();
      }
      throw e;
    }
    fail("the upgrade was accepted");
    return -1;
  }

  static HttpClient http() {
    return HTTP;
  }

  void send(String text) throws Exception {
    socket.sendText(text, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  void sendBinary(byte[] bytes) throws Exception {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** The next text frame, waiting up to {@link #WAIT}. */
  String next() throws InterruptedException {
    if (!pushedBack.isEmpty()) {
      return pushedBack.remove(0);
    }
    String message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertNotNull(message, "no message within " + WAIT);
    return message;
  }

  Close awaitClose() throws Exception {
    return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    opened.set(true);
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new Close(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  @Override
  public void close() {
    if (socket != null && !socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    if (socket != null) {
      socket.abort();
    }
  }
}
