package com.signalhub.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The HTTP publish API, as a publisher's code would call it. */
final class Api {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Api() {}

  static HttpResponse<String> publish(URI base, String token, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/api/signals"))
            .timeout(WsClient.WAIT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

  /** The frame every client must receive for {@link #signal}. */
  static String frame(String type, String symbol, String price, long timestamp) {
    return "{\"type\":\""
        + type
        + "\",\"content\":{\"symbol\":\""
        + symbol
        + "\",\"price\":"
        + price
        + ",\"timestamp\":"
        + timestamp
        + "},\"is_test\":false}";
  }
}
