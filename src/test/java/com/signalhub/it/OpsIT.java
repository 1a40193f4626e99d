package com.signalhub.it;

import static com.signalhub.it.Deployments.PUBLISHER;
import static com.signalhub.it.Deployments.SUBSCRIBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What an operator's monitoring sees: MicroProfile Health and the Prometheus metrics. */
class OpsIT extends DeployedWar {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The value of one Prometheus sample, 0 when it is not there yet. */
  private double metric(String name, String labels) throws Exception {
    String text = get("/metrics").body();
    Matcher sample =
        Pattern.compile(
                "(?m)^"
                    + Pattern.quote(name)
                    + "\\{mp_scope=\"application\""
                    + Pattern.quote(labels)
                    + "} ([0-9.E+-]+)$")
            .matcher(text);
    return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
  }

  private void awaitAtLeast(String name, double expected) throws Exception {
    long deadline = System.nanoTime() + WsClient.WAIT.toNanos();
    double value = metric(name, "");
    while (value < expected && System.nanoTime() < deadline) {
      Thread.sleep(50); // polling a counter the server updates asynchronously
      value = metric(name, "");
    }
    assertTrue(value >= expected, name + " = " + value + ", expected at least " + expected);
  }

  @Test
  void anAdminSeesSessionsAndDisconnectsAllOfATokensSessions() throws Exception {
    String name = "ops-" + System.nanoTime();
    String secret = Admin.createToken(base, name, "subscriber", null);
    try (WsClient a = WsClient.connect(base, secret);
        WsClient b = WsClient.connect(base, secret);
        WsClient other = WsClient.connect(base, SUBSCRIBER)) {
      String sessions = Admin.call(base, "GET", "/api/admin/sessions", Admin.ADMIN, null).body();
      assertEquals(2, sessions.split("\"token\":\"" + name + "\"", -1).length - 1, sessions);
      HttpResponse<String> all =
          Admin.call(base, "DELETE", "/api/admin/sessions?token=" + name, Admin.ADMIN, null);
      assertEquals(200, all.statusCode(), all.body());
      assertTrue(all.body().contains("\"sessions\":2"), all.body());
      for (WsClient client : java.util.List.of(a, b)) {
        WsClient.Close close = client.awaitClose();
        assertEquals(1008, close.code());
        assertEquals("disconnected by an administrator", close.reason());
      }
      other.send("test"); // another token's session is untouched
      assertTrue(other.next().endsWith("\"is_test\":true}"));
    }
    assertEquals(
        404,
        Admin.call(base, "DELETE", "/api/admin/sessions/no-such-session", Admin.ADMIN, null)
            .statusCode());
  }

  @Test
  void readyAndAliveWhileTheDatabaseAndBrokerAnswer() throws Exception {
    HttpResponse<String> ready = get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("\"name\":\"database\",\"status\":\"UP\""), ready.body());
    assertTrue(ready.body().contains("\"name\":\"jms-broker\",\"status\":\"UP\""), ready.body());
    HttpResponse<String> live = get("/health/live");
    assertEquals(200, live.statusCode(), live.body());
    assertTrue(live.body().contains("\"name\":\"stream\",\"status\":\"UP\""), live.body());
  }

  /*
   * The fast path reaches into Payara's, Grizzly's and Tyrus's internals. On the Payara Micro the
   * build runs on it must be in use for every plain connection: an upgrade of Payara that broke it
   * fails here, not silently in production (where every frame would cost several times the CPU).
   */
  @Test
  void plainConnectionsTakeTheDirectSendPath() throws Exception {
    try (WsClient a = WsClient.connect(base, SUBSCRIBER);
        WsClient b = WsClient.connect(base, SUBSCRIBER)) {
      assertTrue(metric("signalhub_send_path_sessions", ",path=\"direct\"") >= 2, "direct");
      assertEquals(0, metric("signalhub_send_path_sessions", ",path=\"tyrus\""), "tyrus");
      String sessions = Admin.call(base, "GET", "/api/admin/sessions", Admin.ADMIN, null).body();
      assertTrue(sessions.contains("\"send_path\":\"direct\""), sessions);
      assertTrue(!sessions.contains("\"send_path\":\"tyrus\""), sessions);
      Api.publish(base, PUBLISHER, Api.signal("buy", "DIRECT", "1.50", Api.now()));
      assertTrue(a.next().contains("\"symbol\":\"DIRECT\",\"price\":1.50"));
      assertTrue(b.next().contains("\"symbol\":\"DIRECT\",\"price\":1.50"));
    }
  }

  @Test
  void metricsCountWhatHappens() throws Exception {
    double connects = metric("signalhub_connects_total", "");
    double refusals = metric("signalhub_refusals_total", ",reason=\"unauthorized\"");
    double accepted = metric("signalhub_signals_accepted_total", ",source=\"http\"");
    double sent = metric("signalhub_frames_sent_total", "");
    double broadcasts = metric("signalhub_broadcast_latency_microseconds_count", "");
    double replays = metric("signalhub_replays_total", "");

    assertEquals(401, WsClient.refusedStatus(base, "Bearer not-a-known-token-000"));
    try (WsClient client = WsClient.connect(base, SUBSCRIBER);
        WsClient resumed = WsClient.connect(URI.create(base + "?since=999999999"), SUBSCRIBER)) {
      assertTrue(metric("signalhub_sessions_open", "") >= 2);
      Api.publish(base, PUBLISHER, Api.signal("buy", "METRIC", "1", Api.now()));
      client.next();
      resumed.next();
      assertTrue(metric("signalhub_connects_total", "") >= connects + 2);
      assertTrue(metric("signalhub_refusals_total", ",reason=\"unauthorized\"") >= refusals + 1);
      assertTrue(metric("signalhub_signals_accepted_total", ",source=\"http\"") >= accepted + 1);
      assertTrue(metric("signalhub_replays_total", "") >= replays + 1);
      // the send completions are counted on the server as the clients read the frames
      awaitAtLeast("signalhub_frames_sent_total", sent + 2);
      awaitAtLeast("signalhub_broadcast_latency_microseconds_count", broadcasts + 1);
    }
  }
}
