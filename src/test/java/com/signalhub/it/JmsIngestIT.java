package com.signalhub.it;

import static com.signalhub.it.Deployments.SUBSCRIBER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.BytesMessage;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JMS ingest through the Artemis resource adapter and a message-driven bean, against the broker the
 * server embeds, with real WebSocket clients watching what comes out.
 */
class JmsIngestIT extends DeployedWar {

  private Jms jms;

  @BeforeEach
  void connectProducer() {
    jms = Jms.embedded();
  }

  @AfterEach
  void closeProducer() {
    jms.close();
  }

  private static String tag() {
    return UUID.randomUUID().toString();
  }

  private void send(String body, String tag) throws Exception {
    jms.send(body, tag, Map.of());
  }

  /** Sends a well-formed signal for {@code symbol} and returns the frame it comes out as. */
  private static String expectSignal(WsClient client, String symbol) throws Exception {
    String frame = client.next();
    assertTrue(frame.contains("\"symbol\":\"" + symbol + "\""), frame);
    return frame;
  }

  @Test
  void aJmsSignalReachesEveryClientStoredWithSeq() throws Exception {
    long ts = Api.now();
    try (WsClient first = WsClient.connect(base, SUBSCRIBER);
        WsClient second = WsClient.connect(base, Deployments.SUBSCRIBER_2)) {
      send(Api.signal("buy", "JMS1", "75000.00", ts), tag());
      String frame = first.next();
      long seq = Api.seqOfFrame(frame);
      assertEquals(Api.frame("buy", "JMS1", "75000.00", ts, seq), frame);
      assertEquals(frame, second.next());
      String history = Api.history(base, SUBSCRIBER, "since=" + (seq - 1) + "&limit=1").body();
      assertTrue(history.contains(frame), history);
    }
  }

  @Test
  void aMalformedMessageIsDeadLetteredWithItsReasonAndTheNextOneFlows() throws Exception {
    try (WsClient client = WsClient.connect(base, SUBSCRIBER)) {
      String poison = tag();
      send("{\"type\":\"buy\",\"content\":{\"symbol\":", poison);
      send(Api.signal("sell", "AFTERPOISON", "1.5", Api.now()), tag());

      expectSignal(client, "AFTERPOISON");
      Message dead = jms.deadLetter(poison);
      assertNotNull(dead, "the malformed message is not on the dead-letter queue");
      assertEquals("invalid_signal", dead.getStringProperty("SignalHubRejectCode"));
      assertEquals("body: body is not valid JSON", dead.getStringProperty("SignalHubRejectReason"));
      assertEquals("{\"type\":\"buy\",\"content\":{\"symbol\":", ((TextMessage) dead).getText());
    }
  }

  @Test
  void anInvalidSignalIsDeadLetteredNamingTheField() throws Exception {
    String bad = tag();
    send("{\"type\":\"buy\",\"content\":{\"symbol\":\"X\",\"price\":\"1\"}}", bad);
    Message dead = jms.deadLetter(bad);
    assertNotNull(dead);
    assertEquals(
        "content.price: price must be a JSON number (not a string)",
        dead.getStringProperty("SignalHubRejectReason"));
  }

  @Test
  void aStaleSignalIsDeadLetteredAndNeverBroadcast() throws Exception {
    try (WsClient client = WsClient.connect(base, SUBSCRIBER)) {
      String stale = tag();
      send(Api.signal("buy", "STALE", "1", Api.now() - 3600), stale);
      send(Api.signal("buy", "FRESH", "1", Api.now()), tag());

      expectSignal(client, "FRESH"); // in queue order: the stale one came out as nothing
      Message dead = jms.deadLetter(stale);
      assertNotNull(dead);
      assertEquals("stale_signal", dead.getStringProperty("SignalHubRejectCode"));
      assertTrue(
          dead.getStringProperty("SignalHubRejectReason")
              .startsWith("signal is stale: timestamp is 36"),
          dead.getStringProperty("SignalHubRejectReason"));
    }
  }

  @Test
  void aMessageThatIsNotTextIsDeadLetteredUnread() throws Exception {
    String tag = tag();
    MapMessage map = jms.context().createMapMessage();
    map.setString("type", "buy");
    jms.send(map, tag, Map.of());
    Message dead = jms.deadLetter(tag);
    assertNotNull(dead);
    assertTrue(
        dead.getStringProperty("SignalHubRejectReason").contains("got a MapMessage"),
        dead.getStringProperty("SignalHubRejectReason"));
  }

  @Test
  void aUtf8BytesMessageIsASignalAndABadOneIsDeadLetteredWithItsBytes() throws Exception {
    try (WsClient client = WsClient.connect(base, SUBSCRIBER)) {
      BytesMessage good = jms.context().createBytesMessage();
      good.writeBytes(Api.signal("buy", "BYTES", "7", Api.now()).getBytes(StandardCharsets.UTF_8));
      jms.send(good, tag(), Map.of());
      expectSignal(client, "BYTES");
    }
    String tag = tag();
    BytesMessage bad = jms.context().createBytesMessage();
    bad.writeBytes(new byte[] {'{', (byte) 0xC3, '}'}); // not UTF-8
    jms.send(bad, tag, Map.of());
    Message dead = jms.deadLetter(tag);
    assertNotNull(dead);
    assertEquals("body: body is not UTF-8", dead.getStringProperty("SignalHubRejectReason"));
    assertArrayEquals(new byte[] {'{', (byte) 0xC3, '}'}, dead.getBody(byte[].class));
  }

  @Test
  void anOversizedMessageIsDeadLettered() throws Exception {
    String tag = tag();
    String padded =
        "{\"type\":\"buy\",\"content\":{\"symbol\":\"BIG\",\"price\":1},\"pad\":\""
            + "x".repeat(5000)
            + "\"}";
    send(padded, tag);
    Message dead = jms.deadLetter(tag);
    assertNotNull(dead);
    assertEquals("body: body exceeds 4096 bytes", dead.getStringProperty("SignalHubRejectReason"));
  }

  @Test
  void aRepeatedIdempotencyKeyIsBroadcastOnce() throws Exception {
    try (WsClient client = WsClient.connect(base, SUBSCRIBER)) {
      String key = "order-" + tag();
      long ts = Api.now();
      jms.send(Api.signal("buy", "ONCE", "2", ts), tag(), Map.of("IdempotencyKey", key));
      jms.send(Api.signal("buy", "ONCE", "2", ts), tag(), Map.of("IdempotencyKey", key));
      send(Api.signal("buy", "MARK", "3", Api.now()), tag());

      long once = Api.seqOfFrame(expectSignal(client, "ONCE"));
      long mark = Api.seqOfFrame(expectSignal(client, "MARK")); // no second ONCE in between
      assertEquals(once + 1, mark);
    }
  }

  @Test
  void aRedeliveredMessageIsStoredAndBroadcastOnce() throws Exception {
    try (WsClient client = WsClient.connect(base, SUBSCRIBER)) {
      jms.sendTwiceWithOneMessageId(Api.signal("sell", "REDELIVERED", "4", Api.now()));
      send(Api.signal("buy", "MARK2", "5", Api.now()), tag());

      long first = Api.seqOfFrame(expectSignal(client, "REDELIVERED"));
      long mark = Api.seqOfFrame(expectSignal(client, "MARK2"));
      assertEquals(first + 1, mark);
    }
  }

  @Test
  void ordersArePreservedFromQueueToClient() throws Exception {
    try (WsClient client = WsClient.connect(base, SUBSCRIBER)) {
      for (int i = 0; i < 50; i++) {
        send(Api.signal("buy", "ORD" + i, "1", Api.now()), tag());
      }
      long previous = 0;
      for (int i = 0; i < 50; i++) {
        long seq = Api.seqOfFrame(expectSignal(client, "ORD" + i));
        assertTrue(seq > previous);
        previous = seq;
      }
    }
  }
}
