package com.signalhub.bench;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;

/**
 * What became of an upgrade that opened no session: answered with an HTTP status (and maybe a
 * {@code Retry-After}), or not answered at all — the connection refused, reset or closed before a
 * response, or the handshake timed out. A storm is judged by the unanswered ones.
 */
record ConnectOutcome(int status, long retryAfterSeconds) {
  static final int UNANSWERED = 0;

  static ConnectOutcome of(Throwable cause) {
    if (cause instanceof WebSocketClientHandshakeException e && e.response() != null) {
      HttpResponse response = e.response();
      return new ConnectOutcome(
          response.status().code(), retryAfter(response.headers().get("Retry-After")));
    }
    return new ConnectOutcome(UNANSWERED, -1);
  }

  /**
   * Why an upgrade went unanswered, for the storm's breakdown: {@code connect_timeout} (the SYN
   * never answered: a full listen queue drops it), {@code handshake_timeout} (connected, no HTTP
   * answer in time), {@code reset} (an RST, which also discards a response not yet read), {@code
   * closed} (a FIN before any answer), {@code refused} (nothing listening), else {@code other}.
   */
  static String unansweredKind(Throwable cause) {
    String text = String.valueOf(cause).toLowerCase(java.util.Locale.ROOT);
    if (cause instanceof io.netty.channel.ConnectTimeoutException) return "connect_timeout";
    if (text.contains("handshake timed out")) return "handshake_timeout";
    if (text.contains("reset")) return "reset";
    if (text.contains("refused")) return "refused";
    if (cause instanceof java.nio.channels.ClosedChannelException || text.contains("closed")) {
      return "closed";
    }
    return "other";
  }

  boolean answered() {
    return status != UNANSWERED;
  }

  /** The server asked the client to come back later (instance or token at its bound). */
  boolean retryable() {
    return status == 503 || status == 429;
  }

  /** Seconds from a {@code Retry-After: <seconds>} header; -1 when absent or not a number. */
  static long retryAfter(String header) {
    if (header == null) return -1;
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds >= 0 ? seconds : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
