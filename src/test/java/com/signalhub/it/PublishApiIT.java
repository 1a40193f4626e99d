package com.signalhub.it;

import static com.signalhub.it.Deployments.PUBLISHER;
import static com.signalhub.it.Deployments.SUBSCRIBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /api/signals as a publisher sees it: statuses and JSON bodies. */
class PublishApiIT extends DeployedWar {

  @Test
  void anAcceptedSignalIsIdentifiedAndEchoed() throws Exception {
    HttpResponse<String> response =
        Api.publish(
            base,
            PUBLISHER,
            "{\"type\":\"sell\",\"content\":{\"symbol\":\"ETHUSDT\",\"price\":3500.10}}");
    assertEquals(202, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    Matcher receipt =
        Pattern.compile(
                "\\{\"seq\":\\d+,\"type\":\"sell\",\"symbol\":\"ETHUSDT\","
                    + "\"price\":3500.10,\"timestamp\":(\\d+),\"is_test\":false,"
                    + "\"received_at\":\"[^\"]+Z\"}")
            .matcher(response.body());
    assertTrue(receipt.matches(), response.body());
    long now = System.currentTimeMillis() / 1000;
    assertTrue(Math.abs(now - Long.parseLong(receipt.group(1))) < 60, "timestamp defaults to now");
  }

  @Test
  void aPipelineTestGoesToEveryoneFlagged() throws Exception {
    try (WsClient client = WsClient.connect(base, SUBSCRIBER)) {
      long now = Api.now();
      long seq =
          Api.seqOf(
              Api.publish(
                  base,
                  PUBLISHER,
                  "{\"type\":\"buy\",\"content\":{\"symbol\":\"PIPE\",\"price\":2,\"timestamp\":"
                      + now
                      + "},\"is_test\":true}"));
      assertEquals(
          "{\"type\":\"buy\",\"content\":{\"symbol\":\"PIPE\",\"price\":2,\"timestamp\":"
              + now
              + "},\"is_test\":true,\"seq\":"
              + seq
              + "}",
          client.next());
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\":\"hold\",\"content\":{\"symbol\":\"X\",\"price\":1}}            | type",
        "{\"content\":{\"symbol\":\"X\",\"price\":1}}                              | type",
        "{\"type\":\"buy\",\"content\":{\"price\":1}}                              | content.symbol",
        "{\"type\":\"buy\",\"content\":{\"symbol\":\"  \",\"price\":1}}            | content.symbol",
        "{\"type\":\"buy\",\"content\":{\"symbol\":\"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456\",\"price\":1}} | content.symbol",
        "{\"type\":\"buy\",\"content\":{\"symbol\":\"X\",\"price\":0}}             | content.price",
        "{\"type\":\"buy\",\"content\":{\"symbol\":\"X\",\"price\":-3}}            | content.price",
        "{\"type\":\"buy\",\"content\":{\"symbol\":\"X\",\"price\":\"abc\"}}       | content.price",
        "{\"type\":\"buy\",\"content\":{\"symbol\":\"X\",\"price\":1,\"timestamp\":1720000000000}} | content.timestamp",
        "{\"type\":\"buy\",\"content\":{\"symbol\":\"X\"                           | body",
        "not json at all                                                           | body"
      })
  void badInputGets400NamingTheField(String body, String field) throws Exception {
    HttpResponse<String> response = Api.publish(base, PUBLISHER, body);
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(
        response
            .body()
            .matches(
                "\\{\"error\":\"invalid_signal\",\"message\":\"(?:[^\"\\\\]|\\\\.)+\",\"field\":\""
                    + Pattern.quote(field)
                    + "\"}"),
        response.body());
  }

  @Test
  void aBodyOverTheLimitGets413() throws Exception {
    String padding = " ".repeat(4096);
    HttpResponse<String> response =
        Api.publish(base, PUBLISHER, Api.signal("buy", "X", "1", Api.now()) + padding);
    assertEquals(413, response.statusCode());
    assertTrue(response.body().contains("\"error\":\"body_too_large\""), response.body());
  }

  @Test
  void withoutATokenThePublishIs401() throws Exception {
    HttpResponse<String> response = Api.publish(base, null, Api.signal("buy", "X", "1", Api.now()));
    assertEquals(401, response.statusCode());
    assertEquals(
        "Bearer realm=\"signal-hub\"",
        response.headers().firstValue("WWW-Authenticate").orElse(""));
    assertTrue(response.body().contains("\"error\":\"unauthorized\""), response.body());
    assertEquals(401, Api.publish(base, "not-a-known-token", "{}").statusCode());
  }

  @Test
  void aSubscriberTokenCannotPublish() throws Exception {
    HttpResponse<String> response =
        Api.publish(base, SUBSCRIBER, Api.signal("buy", "X", "1", Api.now()));
    assertEquals(403, response.statusCode());
    assertTrue(response.body().contains("\"error\":\"forbidden\""), response.body());
  }

  /** it-system.properties sets signalhub.http.max-pending-publishes=8. */
  @Test
  void pastThePendingBoundAPublishGets503AndIsNeitherStoredNorSent() throws Exception {
    HttpClient parallel = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String busyCounter = "signalhub_publishes_refused_total";
    double refusedBefore = Api.counter(base, busyCounter, "reason=\"busy\"");
    try (WsClient client = WsClient.connect(base, SUBSCRIBER)) {
      List<Long> stored = new ArrayList<>();
      List<HttpResponse<String>> busy = new ArrayList<>();
      for (int burst = 0; burst < 5 && busy.isEmpty(); burst++) {
        List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
        for (int i = 0; i < 64; i++) { // 64 connections, each with one publish
          HttpRequest request =
              Api.publishRequest(base, PUBLISHER, Api.signal("buy", "BURST", "1." + i, Api.now()))
                  .build();
          replies.add(parallel.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> reply : replies) {
          HttpResponse<String> answer = reply.get(WsClient.WAIT.toSeconds(), TimeUnit.SECONDS);
          if (answer.statusCode() == 202) {
            stored.add(Api.seqOf(answer));
          } else {
            assertEquals(503, answer.statusCode(), answer.body());
            busy.add(answer);
          }
        }
      }
      assertFalse(busy.isEmpty(), "5 bursts of 64 publishes never found 8 waiting");
      for (HttpResponse<String> answer : busy) {
        assertEquals("1", answer.headers().firstValue("Retry-After").orElse(""));
        assertTrue(
            answer.body().matches("\\{\"error\":\"busy\",\"message\":\"8 publishes [^\"]+\"}"),
            answer.body());
      }
      stored.sort(null);
      long marker =
          Api.seqOf(Api.publish(base, PUBLISHER, Api.signal("sell", "MARK", "1", Api.now())));
      List<Long> received = new ArrayList<>();
      for (long seq; (seq = Api.seqOfFrame(client.next())) != marker; ) {
        received.add(seq);
      }
      assertEquals(stored, received, "every 202 sent once, in seq order, and nothing refused");
      assertEquals(refusedBefore + busy.size(), Api.counter(base, busyCounter, "reason=\"busy\""));
    }
  }
}
