package com.signalhub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ConnectOutcomeTest {

  private static WebSocketClientHandshakeException refused(int status, String retryAfter) {
    DefaultFullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
    if (retryAfter != null) response.headers().set("Retry-After", retryAfter);
    return new WebSocketClientHandshakeException("Invalid handshake response", response);
  }

  @Test
  void aRefusalWithAdviceIsAnsweredAndRetryable() {
    ConnectOutcome outcome = ConnectOutcome.of(refused(503, "5"));
    assertTrue(outcome.answered());
    assertTrue(outcome.retryable());
    assertEquals(503, outcome.status());
    assertEquals(5, outcome.retryAfterSeconds());
  }

  @Test
  void a401IsAnsweredButNotRetried() {
    ConnectOutcome outcome = ConnectOutcome.of(refused(401, null));
    assertTrue(outcome.answered());
    assertFalse(outcome.retryable());
    assertEquals(-1, outcome.retryAfterSeconds());
  }

  @Test
  void aResetOrATimeoutIsUnanswered() {
    assertFalse(ConnectOutcome.of(new IOException("Connection reset by peer")).answered());
    assertFalse(ConnectOutcome.of(new IllegalStateException("handshake timed out")).answered());
    assertFalse(ConnectOutcome.of(new WebSocketClientHandshakeException("no response")).answered());
  }

  @Test
  void retryAfterIsSecondsOnly() {
    assertEquals(0, ConnectOutcome.retryAfter(" 0 "));
    assertEquals(-1, ConnectOutcome.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT"));
    assertEquals(-1, ConnectOutcome.retryAfter("-3"));
  }

  @Test
  void anUnansweredUpgradeSaysWhy() {
    assertEquals(
        "connect_timeout",
        ConnectOutcome.unansweredKind(
            new io.netty.channel.ConnectTimeoutException("connection timed out after 30000 ms")));
    assertEquals(
        "handshake_timeout",
        ConnectOutcome.unansweredKind(new IllegalStateException("handshake timed out")));
    assertEquals(
        "reset",
        ConnectOutcome.unansweredKind(
            new IOException("recvAddress(..) failed with error(-104): Connection reset by peer")));
    assertEquals(
        "closed", ConnectOutcome.unansweredKind(new java.nio.channels.ClosedChannelException()));
    assertEquals("other", ConnectOutcome.unansweredKind(new IOException("no route to host")));
  }
}
