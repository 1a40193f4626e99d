package com.signalhub.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP publish API, as a publisher's code would call it. */
final class Api {

  private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Api() {}

  static HttpResponse<String> publish(URI base, String token, String body) throws Exception {
    return publish(base, token, body, null);
  }

  static HttpResponse<String> publish(URI base, String token, String body, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder request = publishRequest(base, token, body);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A POST /api/signals with this body (and this bearer token, unless null), to send any way. */
  static HttpRequest.Builder publishRequest(URI base, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/api/signals"))
            .timeout(WsClient.WAIT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }

  static HttpResponse<String> history(URI base, String token, String query) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/api/signals?" + query)).timeout(WsClient.WAIT).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A counter's value in /metrics (Prometheus text): the first series of that name whose labels
   * include {@code label} (e.g. {@code reason="busy"}; empty: any).
   */
  static double counter(URI base, String name, String label) throws Exception {
    String metrics =
        HTTP.send(
                HttpRequest.newBuilder(base.resolve("/metrics")).timeout(WsClient.WAIT).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String labels =
        label.isEmpty() ? "(?:\\{[^}]*\\})?" : "\\{[^}]*" + Pattern.quote(label) + "[^}]*\\}";
    Matcher value =
        Pattern.compile("(?m)^" + Pattern.quote(name) + labels + " ([0-9.]+)").matcher(metrics);
    if (!value.find()) {
      throw new AssertionError(name + " {" + label + "} not in /metrics");
    }
    return Double.parseDouble(value.group(1));
  }

  /** The seq of an accepted publish, from its 202 receipt. */
  static long seqOf(HttpResponse<String> accepted) {
    if (accepted.statusCode() != 202) {
      throw new AssertionError("not accepted: " + accepted.statusCode() + " " + accepted.body());
    }
    return seqOfFrame(accepted.body());
  }

  static long seqOfFrame(String frame) {
    Matcher seq = SEQ.matcher(frame);
    if (!seq.find()) {
      throw new AssertionError("no seq in " + frame);
    }
    return Long.parseLong(seq.group(1));
  }

  static String signal(String type, String symbol, String price, long timestamp) {
    return "{\"type\":\""
        + type
        + "\",\"content\":{\"symbol\":\""
        + symbol
        + "\",\"price\":"
        + price
        + ",\"timestamp\":"
        + timestamp
        + "}}";
  }

  /** The frame every client must receive for {@link #signal}, stored as {@code seq}. */
  static String frame(String type, String symbol, String price, long timestamp, long seq) {
    return "{\"type\":\""
        + type
        + "\",\"content\":{\"symbol\":\""
        + symbol
        + "\",\"price\":"
        + price
        + ",\"timestamp\":"
        + timestamp
        + "},\"is_test\":false,\"seq\":"
        + seq
        + "}";
  }
}
