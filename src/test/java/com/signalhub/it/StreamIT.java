package com.signalhub.it;

import static com.signalhub.it.Deployments.PUBLISHER;
import static com.signalhub.it.Deployments.SUBSCRIBER;
import static com.signalhub.it.Deployments.SUBSCRIBER_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client contract over real sockets: the guide's clients, as the JDK's WebSocket client. */
class StreamIT extends DeployedWar {

  private static final Pattern TEST_REPLY =
      Pattern.compile(
          "\\{\"type\":\"buy\",\"content\":\\{\"symbol\":\"BTCUSDT\",\"price\":75000\\.00,"
              + "\"timestamp\":(\\d+)},\"is_test\":true}");

  @ParameterizedTest(name = "Authorization: {0}")
  @NullSource
  @ValueSource(
      strings = {
        "Bearer wrong-secret-00000000",
        "Basic " + SUBSCRIBER,
        "Bearer",
        SUBSCRIBER,
        "Bearer " + SUBSCRIBER + " extra"
      })
  void anUnauthenticatedUpgradeIsRefusedWith401(String authorization) throws Exception {
    assertEquals(401, WsClient.refusedStatus(base, authorization));
  }

  @Test
  void theRefusalIsAPlainClosed401() throws Exception {
    try (RawUpgrade refused = RawUpgrade.open(base, "Bearer wrong-secret-00000000")) {
      String head = refused.responseHead.toLowerCase();
      assertTrue(head.startsWith("http/1.1 401"), head);
      assertTrue(head.contains("\r\nwww-authenticate: bearer"), head);
      assertTrue(head.contains("\r\ncontent-length: "), head);
      assertFalse(head.contains("\r\nupgrade:"), head);
      assertFalse(head.contains("sec-websocket-accept"), head);
      String rest = refused.readToEnd(); // fails on timeout: the server must close
      assertFalse(rest.contains("\u0088"), "no WebSocket close frame: no session was opened");
    }
  }

  @Test
  void testIsAnsweredToTheSenderOnly() throws Exception {
    try (WsClient asker = WsClient.connect(base, SUBSCRIBER);
        WsClient other = WsClient.connect(base, SUBSCRIBER_2)) {
      asker.send("test");
      Matcher reply = TEST_REPLY.matcher(asker.next());
      assertTrue(reply.matches());
      long now = System.currentTimeMillis() / 1000;
      assertTrue(Math.abs(now - Long.parseLong(reply.group(1))) < 60, "timestamp is Unix seconds");

      // Frames reach a client in order: had the test reply leaked, it would come first.
      other.send("ping");
      assertTrue(other.next().startsWith("{\"type\":\"error\""));
    }
  }

  @Test
  void anUnknownCommandIsAnsweredAndTheSessionStaysUsable() throws Exception {
    try (WsClient client = WsClient.connect(base, SUBSCRIBER)) {
      client.send("subscribe BTCUSDT");
      assertEquals(
          "{\"type\":\"error\",\"content\":{\"code\":\"unknown_command\","
              + "\"message\":\"unknown command 'subscribe BTCUSDT': the only command is test\"}}",
          client.next());
      client.send("test");
      assertTrue(TEST_REPLY.matcher(client.next()).matches());
    }
  }

  @Test
  void aPublishedSignalReachesEveryClientExactly() throws Exception {
    try (WsClient first = WsClient.connect(base, SUBSCRIBER);
        WsClient second = WsClient.connect(base, SUBSCRIBER_2)) {
      long now = Api.now();
      long seq =
          Api.seqOf(Api.publish(base, PUBLISHER, Api.signal("buy", "BTCUSDT", "75000.00", now)));
      String expected = Api.frame("buy", "BTCUSDT", "75000.00", now, seq);
      assertEquals(expected, first.next());
      assertEquals(expected, second.next());
    }
  }

  @Test
  void invalidPublishesAreNeverBroadcast() throws Exception {
    try (WsClient client = WsClient.connect(base, SUBSCRIBER)) {
      for (String body :
          List.of(
              "{\"type\":\"hold\",\"content\":{\"symbol\":\"BAD1\",\"price\":1}}",
              "{\"type\":\"buy\",\"content\":{\"symbol\":\"BAD2\",\"price\":-1}}",
              "{\"type\":\"buy\",\"content\":{\"symbol\":\"BAD3\",\"price\":\"1\"}}",
              "{\"type\":\"buy\",\"content\":{\"symbol\":\"\",\"price\":1}}",
              "{\"type\":\"buy\",\"content\":{\"symbol\":\"BAD5\"")) {
        assertEquals(400, Api.publish(base, PUBLISHER, body).statusCode(), body);
      }
      long now = Api.now();
      long seq = Api.seqOf(Api.publish(base, PUBLISHER, Api.signal("sell", "GOOD", "1.5", now)));
      assertEquals(Api.frame("sell", "GOOD", "1.5", now, seq), client.next());
    }
  }

  @Test
  void frameSizeLimitIsEnforcedWith1009() throws Exception {
    try (WsClient client = WsClient.connect(base, SUBSCRIBER)) {
      client.send("x".repeat(4096)); // at the limit: answered
      assertTrue(client.next().contains("\"unknown_command\""));
      client.send("é".repeat(2049)); // 4098 bytes in UTF-8
      WsClient.Close close = client.awaitClose();
      assertEquals(1009, close.code());
    }
  }

  @Test
  void aFrameDeclaringMoreThanTheLimitIsRefusedWith1009FromItsHeader() throws Exception {
    // just over the limit (all of it sent); over Tyrus's 64 KiB buffer, which on its own closes
    // with 1011 "Buffer overflow."; a 5 GiB declaration of which only the header comes
    long[][] cases = {{4097, 4097}, {5L << 20, 200_000}, {5L << 30, 0}};
    for (long[] frame : cases) {
      try (RawUpgrade raw = RawUpgrade.open(base, "Bearer " + SUBSCRIBER)) {
        assertTrue(raw.responseHead.startsWith("HTTP/1.1 101"), raw.responseHead);
        raw.sendTextFrame(frame[0], (int) frame[1]);
        assertEquals(1009, raw.awaitCloseCode(), "a frame declaring " + frame[0] + " bytes");
      }
    }
  }

  @Test
  void aBigMessageInFragmentsIsRefusedWith1009() throws Exception {
    try (WsClient client = WsClient.connect(base, SUBSCRIBER)) {
      try {
        client.send("x".repeat(5 * 1024 * 1024)); // the JDK client sends it in fragments
      } catch (java.util.concurrent.ExecutionException closedBeforeTheEnd) {
        // the server closes once the first fragments are in: the rest has nowhere to go
      }
      assertEquals(1009, client.awaitClose().code());
    }
  }

  /*
   * Once a session has settled (~2 s after it joined) the container lets go of what its upgrade's
   * request and Tyrus's handshake held. Everything a client does goes on working after that: a
   * broadcast, a command and its answer, a frame the server must refuse (the read path), a close.
   */
  @Test
  void aSettledSessionStillReceivesAnswersAndIsRefusedAsBefore() throws Exception {
    try (WsClient settled = WsClient.connect(base, SUBSCRIBER);
        WsClient other = WsClient.connect(base, SUBSCRIBER)) {
      long deadline = System.nanoTime() + WsClient.WAIT.toNanos();
      String sessions;
      do {
        Thread.sleep(100); // polling the server's view of the session, bounded by the deadline
        sessions = Admin.call(base, "GET", "/api/admin/sessions", Admin.ADMIN, null).body();
      } while (sessions.contains("\"settled\":false") && System.nanoTime() < deadline);
      assertFalse(sessions.contains("\"settled\":false"), sessions);
      long seq =
          Api.seqOf(
              Api.publish(base, PUBLISHER, Api.signal("sell", "SETTLED", "42.50", Api.now())));
      assertEquals(seq, Api.seqOfFrame(settled.next()));
      assertEquals(seq, Api.seqOfFrame(other.next()));
      settled.send("test");
      assertTrue(settled.next().endsWith("\"is_test\":true}"));
      settled.sendBinary(new byte[] {1});
      assertEquals(1003, settled.awaitClose().code());
      other.send("test");
      assertTrue(other.next().endsWith("\"is_test\":true}"), "the other settled one is unaffected");
    }
  }

  @Test
  void aBinaryFrameIsRefusedWith1003() throws Exception {
    try (WsClient client = WsClient.connect(base, SUBSCRIBER)) {
      client.sendBinary(new byte[] {1, 2, 3});
      assertEquals(1003, client.awaitClose().code());
    }
  }

  @Test
  void aClientThatVanishesMidBroadcastDoesNotStopTheOthers() throws Exception {
    try (WsClient survivor = WsClient.connect(base, SUBSCRIBER)) {
      RawUpgrade doomed = RawUpgrade.open(base, "Bearer " + SUBSCRIBER_2);
      assertTrue(doomed.responseHead.startsWith("HTTP/1.1 101"), doomed.responseHead);
      long now = Api.now();
      long[] seqs = new long[40];
      for (int i = 0; i < 40; i++) {
        if (i == 10) {
          doomed.vanish();
        }
        seqs[i] =
            Api.seqOf(Api.publish(base, PUBLISHER, Api.signal("buy", "VANISH", "1." + i, now)));
      }
      for (int i = 0; i < 40; i++) {
        assertEquals(Api.frame("buy", "VANISH", "1." + i, now, seqs[i]), survivor.next());
      }
    }
  }

  @Test
  void concurrentPublishersAreDeliveredInOneOrderToEveryClient() throws Exception {
    int publishers = 4;
    int each = 25;
    try (WsClient first = WsClient.connect(base, SUBSCRIBER);
        WsClient second = WsClient.connect(base, SUBSCRIBER_2)) {
      ExecutorService pool = Executors.newFixedThreadPool(publishers);
      List<CompletableFuture<Void>> runs = new ArrayList<>();
      for (int p = 0; p < publishers; p++) {
        String symbol = "PUB" + p;
        runs.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 1; i <= each; i++) {
                    try {
                      Api.seqOf(
                          Api.publish(
                              base, PUBLISHER, Api.signal("buy", symbol, "" + i, Api.now())));
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  }
                },
                pool));
      }
      CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      pool.shutdown();

      List<String> seenByFirst = new ArrayList<>();
      List<String> seenBySecond = new ArrayList<>();
      for (int i = 0; i < publishers * each; i++) {
        seenByFirst.add(first.next());
        seenBySecond.add(second.next());
      }
      assertEquals(seenByFirst, seenBySecond, "every client sees the one acceptance order");
      for (int i = 1; i < seenByFirst.size(); i++) {
        assertTrue(
            Api.seqOfFrame(seenByFirst.get(i - 1)) < Api.seqOfFrame(seenByFirst.get(i)),
            "delivered in seq order");
      }
      for (int p = 0; p < publishers; p++) {
        String symbol = "\"PUB" + p + "\"";
        List<String> own = seenByFirst.stream().filter(f -> f.contains(symbol)).toList();
        for (int i = 1; i <= each; i++) {
          assertTrue(own.get(i - 1).contains("\"price\":" + i + ","), "publisher order kept");
        }
      }
    }
  }
}
