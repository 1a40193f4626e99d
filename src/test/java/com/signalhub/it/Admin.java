package com.signalhub.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The admin and ticket HTTP APIs, as an operator's script would call them. */
final class Admin {

  static final String ADMIN = "it-admin-secret-0001";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern SECRET = Pattern.compile("\"secret\":\"([^\"]+)\"");
  private static final Pattern TICKET = Pattern.compile("\"ticket\":\"([^\"]+)\"");

  private Admin() {}

  static HttpResponse<String> call(URI base, String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Creates a token and returns its secret (from the one answer that shows it). */
  static String createToken(URI base, String name, String role, Long expiresInSeconds)
      throws Exception {
    String body =
        "{\"name\":\""
            + name
            + "\",\"role\":\""
            + role
            + "\""
            + (expiresInSeconds == null ? "" : ",\"expires_in_seconds\":" + expiresInSeconds)
            + "}";
    HttpResponse<String> created = call(base, "POST", "/api/admin/tokens", ADMIN, body);
    if (created.statusCode() != 201) {
      throw new AssertionError(created.statusCode() + " " + created.body());
    }
    return group(SECRET, created.body());
  }

  static String ticket(URI base, String token) throws Exception {
    HttpResponse<String> issued = call(base, "POST", "/api/tickets", token, null);
    if (issued.statusCode() != 201) {
      throw new AssertionError(issued.statusCode() + " " + issued.body());
    }
    return group(TICKET, issued.body());
  }

  private static String group(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new AssertionError("no " + pattern + " in " + text);
    }
    return matcher.group(1);
  }
}
