package com.signalhub.it;

import static com.signalhub.it.Deployments.SUBSCRIBER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every close the server sends reaches a client that is still sending when it comes: the client
 * reads the close frame (not a reset, which a client takes for a network fault and answers by
 * reconnecting at once), answers it, and the server then ends the TCP connection. Each case is
 * tried {@link #TRIES} times over raw sockets, on ws:// (direct writes) and wss:// (Tyrus), against
 * one server this test starts with the operator's TLS configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloseHandshakeIT {

  private static final int TRIES = 50;
  private static final byte[] TEST = RawUpgrade.frame(0x1, "test".getBytes(StandardCharsets.UTF_8));
  private static final byte[] PONG = RawUpgrade.frame(0xA, new byte[125]);
  private static final int OVERSIZED = 1 << 20;
  private static final int READ_TIMEOUT_MS = 15_000;

  enum Transport {
    WS,
    WSS
  }

  private PayaraProcess server;
  private URI secure;
  private SSLContext tls;

  @BeforeAll
  void start() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "close-it", "" + System.nanoTime()));
    LocalTls.Server started =
        LocalTls.start(
            dir,
            "signalhub.stream.close-timeout-ms=5000\nsignalhub.auth.refresh-interval-ms=200\n");
    server = started.process();
    secure = started.secure();
    tls = LocalTls.trusting(started.keystore());
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aClientFloodingCommandsReadsItsRateLimitClose(Transport transport) throws Exception {
    assertEveryTry(
        transport,
        "1008 rate limit: more than 5 messages per second",
        SUBSCRIBER,
        () -> {},
        raw -> Flood.Plan.of(TEST));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aClientStillSendingAnOversizedFrameReads1009(Transport transport) throws Exception {
    assertEveryTry(
        transport,
        "1009 message larger than 4096 bytes",
        SUBSCRIBER,
        () -> {},
        raw -> {
          raw.sendTextFrame(OVERSIZED, 0); // its payload follows as the flood, up to its length
          return new Flood.Plan(new byte[4096], OVERSIZED);
        });
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aClientStillSendingAfterABinaryFrameReads1003(Transport transport) throws Exception {
    assertEveryTry(
        transport,
        "1003 binary frames are not accepted",
        SUBSCRIBER,
        () -> {},
        raw -> {
          raw.sendFrame(0x2, new byte[] {1, 2, 3});
          return Flood.Plan.of(PONG);
        });
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aClientSendingWhenAnAdministratorDisconnectsItReadsTheClose(Transport transport)
      throws Exception {
    String name = "close-admin-" + transport.name().toLowerCase();
    String secret = Admin.createToken(server.base, name, "subscriber", null);
    assertEveryTry(
        transport,
        "1008 disconnected by an administrator",
        secret,
        () -> {
          awaitSessionOf(name);
          assertEquals(
              200,
              Admin.call(
                      server.base, "DELETE", "/api/admin/sessions?token=" + name, Admin.ADMIN, null)
                  .statusCode());
        },
        raw -> Flood.Plan.of(PONG));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aClientSendingWhenItsTokenIsRevokedReadsTheClose(Transport transport) throws Exception {
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int i = 0; i < TRIES; i++) {
      String name = "close-revoke-" + transport.name().toLowerCase() + "-" + i;
      String secret = Admin.createToken(server.base, name, "subscriber", null);
      outcomes.merge(
          oneTry(
              transport,
              secret,
              () ->
                  assertEquals(
                      200,
                      Admin.call(
                              server.base, "DELETE", "/api/admin/tokens/" + name, Admin.ADMIN, null)
                          .statusCode()),
              raw -> Flood.Plan.of(PONG)),
          1,
          Integer::sum);
    }
    report(transport, "1008 token revoked or expired", outcomes);
    assertEquals(Map.of("1008 token revoked or expired", TRIES), outcomes);
  }

  /** The 101 may reach the client before its session has joined: wait for it to be listed. */
  private void awaitSessionOf(String token) throws Exception {
    long deadline = System.nanoTime() + WsClient.WAIT.toNanos();
    while (!Admin.call(server.base, "GET", "/api/admin/sessions", Admin.ADMIN, null)
        .body()
        .contains("\"token\":\"" + token + "\"")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no session of " + token + " listed");
      }
      Thread.sleep(5); // polling the admin view: the server gives no other sign
    }
  }

  /** What a client sends over and over while the server closes it. */
  private interface Flood {

    /** These bytes again and again, at most {@code budget} in all (the rest of a frame). */
    record Plan(byte[] each, long budget) {
      static Plan of(byte[] frame) {
        return new Plan(frame, Long.MAX_VALUE);
      }
    }

    Plan start(RawUpgrade raw) throws IOException;
  }

  private interface Action {
    void run() throws Exception;
  }

  private void assertEveryTry(
      Transport transport, String expected, String secret, Action trigger, Flood flood)
      throws Exception {
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int i = 0; i < TRIES; i++) {
      outcomes.merge(oneTry(transport, secret, trigger, flood), 1, Integer::sum);
    }
    report(transport, expected, outcomes);
    assertEquals(Map.of(expected, TRIES), outcomes);
  }

  /**
   * Connects, starts sending, has the server close, and reads: "code reason" for a close frame read
   * and the TCP connection ended after the client answered it, else what went wrong.
   */
  private String oneTry(Transport transport, String secret, Action trigger, Flood flood)
      throws Exception {
    try (RawUpgrade raw =
        transport == Transport.WS
            ? RawUpgrade.open(server.base, "Bearer " + secret)
            : RawUpgrade.openTls(secure, tls, "Bearer " + secret)) {
      if (!raw.responseHead.startsWith("HTTP/1.1 101")) {
        return "upgrade " + raw.responseHead.lines().findFirst().orElse("");
      }
      Flood.Plan plan = flood.start(raw);
      AtomicReference<String> writeFailure = new AtomicReference<>();
      Sender sender = new Sender(raw, plan, writeFailure);
      sender.start();
      RawUpgrade.Close close;
      try {
        trigger.run();
        close = raw.awaitClose(READ_TIMEOUT_MS);
      } catch (IOException e) {
        return "read failed: " + e + (writeFailure.get() == null ? "" : ", " + writeFailure.get());
      } finally {
        sender.halt();
      }
      if (sender.isAlive()) {
        return "the client's writes blocked: the server stopped reading";
      }
      String summary = close.code() + " " + close.reason();
      try {
        if (plan.budget() != Long.MAX_VALUE) {
          raw.socket.getOutputStream().write(new byte[(int) (plan.budget() - sender.written)]);
        }
        raw.sendFrame(0x8, new byte[] {(byte) (close.code() >> 8), (byte) close.code()});
      } catch (IOException e) {
        return summary + " but answering it failed: " + e;
      }
      String ended = ended(raw);
      return ended == null ? summary : summary + " but " + ended;
    }
  }

  /** Null when the server ends the connection (EOF) after the client's close frame. */
  private static String ended(RawUpgrade raw) {
    try {
      raw.socket.setSoTimeout(10_000);
      raw.socket.getInputStream().readAllBytes();
      return null;
    } catch (IOException e) {
      return "no clean end: " + e;
    }
  }

  private static void report(Transport transport, String expected, Map<String, Integer> outcomes) {
    System.getLogger("CloseHandshakeIT")
        .log(System.Logger.Level.INFO, transport + " " + expected + ": " + outcomes);
  }

  /** Writes the same bytes until halted, out of budget or a write fails. */
  private static final class Sender extends Thread {

    private final RawUpgrade raw;
    private final byte[] bytes;
    private final long budget;
    private final AtomicReference<String> failure;
    private volatile boolean halted;
    volatile long written;

    Sender(RawUpgrade raw, Flood.Plan plan, AtomicReference<String> failure) {
      super("flood");
      setDaemon(true);
      this.raw = raw;
      this.budget = plan.budget();
      byte[] each = plan.each();
      byte[] burst = new byte[Math.max(each.length, 4096 / each.length * each.length)];
      for (int i = 0; i + each.length <= burst.length; i += each.length) {
        System.arraycopy(each, 0, burst, i, each.length);
      }
      this.bytes = burst;
      this.failure = failure;
    }

    @Override
    public void run() {
      try {
        while (!halted && written < budget) {
          int length = (int) Math.min(bytes.length, budget - written);
          raw.socket.getOutputStream().write(bytes, 0, length);
          written += length;
        }
      } catch (IOException e) {
        failure.set("write failed: " + e);
      }
    }

    /** Stops after the write under way; waits a bounded time for it. */
    void halt() throws InterruptedException {
      halted = true;
      join(5_000);
    }
  }
}
