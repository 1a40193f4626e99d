package com.signalhub.it;

import static com.signalhub.it.Deployments.PUBLISHER;
import static com.signalhub.it.Deployments.SUBSCRIBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server this test starts itself with the operator's TLS configuration (server-config/production/
 * pre-boot commands, its own keystore made by keytool, {@code --sslport}), pings every second and
 * takes 3 sessions: wss:// works (through Tyrus, plain ws:// by direct writes), a fourth session is
 * refused 503, a client that ignores pings is closed, stopping the server tells every client 1001,
 * and from boot to stop the log shows nothing that looks like trouble.
 */
class LifecycleIT {

  @Test
  void wssWorksSilentClientsAreClosedAndShutdownSaysGoingAway() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "lifecycle-it", "" + System.nanoTime()));
    LocalTls.Server tls =
        LocalTls.start(
            dir,
            "signalhub.stream.ping-interval-ms=1000\nsignalhub.stream.pong-timeout-ms=1500\n"
                + "signalhub.stream.max-sessions=3\n");
    PayaraProcess server = tls.process();
    try (server) {
      URI secure = tls.secure();
      HttpClient trusting =
          HttpClient.newBuilder().sslContext(LocalTls.trusting(tls.keystore())).build();
      WsClient overTls =
          WsClient.connect(trusting, secure, Map.of("Authorization", "Bearer " + SUBSCRIBER));
      overTls.send("test");
      assertTrue(overTls.next().endsWith("\"is_test\":true}"), "wss:// delivers");
      WsClient plain = WsClient.connect(server.base, SUBSCRIBER);
      // TLS frames must pass Grizzly's SSL filter, so Tyrus sends them; a plain connection's
      // broadcast frames go straight to its Grizzly connection. One broadcast reaches both.
      String sessions =
          Admin.call(server.base, "GET", "/api/admin/sessions", Admin.ADMIN, null).body();
      assertTrue(sessions.contains("\"send_path\":\"tyrus\""), sessions);
      assertTrue(sessions.contains("\"send_path\":\"direct\""), sessions);
      assertEquals(
          202,
          Api.publish(server.base, PUBLISHER, Api.signal("sell", "BOTHWAYS", "7.25", Api.now()))
              .statusCode());
      for (WsClient client : List.of(overTls, plain)) {
        assertTrue(client.next().contains("\"symbol\":\"BOTHWAYS\",\"price\":7.25"));
      }

      try (RawUpgrade deaf = RawUpgrade.open(server.base, "Bearer " + SUBSCRIBER)) {
        assertTrue(deaf.responseHead.startsWith("HTTP/1.1 101"));
        try (RawUpgrade fourth = RawUpgrade.open(server.base, "Bearer " + SUBSCRIBER)) {
          assertTrue(
              fourth.responseHead.startsWith("HTTP/1.1 503"),
              "a fourth session on an instance capped at 3: " + fourth.responseHead);
        }
        long start = System.nanoTime();
        assertEquals(1001, deaf.awaitCloseCode(), "a client that never answers pings is closed");
        System.getLogger("LifecycleIT")
            .log(
                System.Logger.Level.INFO,
                "unanswered pings to close: " + (System.nanoTime() - start) / 1_000_000 + " ms");
      }
      overTls.send("test"); // the JDK client answers pings: still open, still served
      assertTrue(overTls.next().endsWith("\"is_test\":true}"));

      server.stop(); // SIGTERM
      for (WsClient client : List.of(overTls, plain)) {
        WsClient.Close close = client.awaitClose();
        assertEquals(1001, close.code(), client == overTls ? "wss://" : "ws://");
        assertEquals("server shutting down", close.reason());
      }
      server.awaitLog();
      assertEquals(
          List.of(),
          PayaraProcess.alarming(dir.resolve("server.log")),
          "a boot, this use and a stop print nothing alarming");
    }
  }
}
