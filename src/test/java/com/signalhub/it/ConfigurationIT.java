package com.signalhub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wrong configuration is refused loudly: a setting of the wrong type, out of range or at odds with
 * another stops Payara Micro before it is ready (exit status 78, one SEVERE line naming the key,
 * its problem and what is allowed); a token entry that cannot be seeded is skipped, named, and the
 * rest is seeded — the deployment stays up.
 */
class ConfigurationIT {

  private static final String SHARED = "shared-secret-a1b2c3d4";

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SIGNALHUB_STREAM_MAX_SESSIONS | abc | signalhub.stream.max-sessions: 'abc' is not a whole"
            + " number; allowed: a whole number from 1 to 10000000",
        "SIGNALHUB_STREAM_MAX_INBOUND_BYTES | -5 | signalhub.stream.max-inbound-bytes: -5 is out of"
            + " range; allowed: a whole number from 16 to 49138",
        "SIGNALHUB_STREAM_WATCH_INTERVAL_MS | 20000 | signalhub.stream.watch-interval-ms: 20000 is"
            + " more than signalhub.stream.pong-timeout-ms (10000)"
      })
  void aBadSettingStopsTheServerBeforeItIsReady(String variable, String value, String line)
      throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "config-it", "" + System.nanoTime()));
    Path log = dir.resolve("server.log");
    int status = PayaraProcess.exitStatusWith(dir, log, Map.of(variable, value));
    String output = Files.readString(log);
    assertEquals(78, status, "EX_CONFIG; see " + log);
    assertTrue(
        severe(output).anyMatch(l -> l.contains("Configuration refused: " + line)), "" + log);
    assertTrue(
        severe(output).anyMatch(l -> l.contains("Signal Hub does not start: 1 setting(s) refused")),
        "see " + log);
    assertFalse(output.contains(") ready in "), "never ready; see " + log);
  }

  @Test
  void tokensThatCannotBeSeededAreSkippedAndTheRestIsSeeded() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "config-it", "" + System.nanoTime()));
    try (PayaraProcess first =
        start(dir, "first", "it-admin:admin:it-admin-secret-0001,old-name:subscriber:" + SHARED)) {
      first.stop();
    }
    // The operator renames old-name and keeps its secret, and gets three other entries wrong.
    String tokens =
        String.join(
            ",",
            "it-admin:admin:it-admin-secret-0001",
            "new-name:subscriber:" + SHARED,
            "bad-role:root:bad-role-secret-e5f6g7",
            "short:subscriber:tiny42",
            "it-subscriber:subscriber:it-subscriber-secret-0001",
            "it-subscriber:publisher:other-secret-h8i9j0k1");
    try (PayaraProcess second = start(dir, "second", tokens)) {
      String output = Files.readString(dir.resolve("second.log"));
      List<String> severe = severe(output).filter(l -> l.contains("Token skipped")).toList();
      assertEquals(4, severe.size(), severe.toString());
      assertTrue(
          severe.stream()
              .anyMatch(
                  l ->
                      l.contains(
                          "Token skipped, the others are seeded: signalhub.tokens: new-name not"
                              + " seeded: its secret is already held by token old-name")),
          severe.toString());
      for (String name : List.of("bad-role", "short", "duplicate name it-subscriber")) {
        assertTrue(severe.stream().anyMatch(l -> l.contains(name)), name + " in " + severe);
      }
      for (String secret : List.of(SHARED, "bad-role-secret-e5f6g7", "tiny42", "other-secret")) {
        assertFalse(output.contains(secret), "a secret in the log: " + secret);
      }
      HttpResponse<String> ready =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(second.base.resolve("/health/ready")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ready.statusCode(), ready.body());
      for (String secret : List.of(Deployments.SUBSCRIBER, SHARED)) {
        try (WsClient client = WsClient.connect(second.base, secret)) {
          client.send("test");
          assertTrue(client.next().endsWith("\"is_test\":true}"), "seeded and served");
        }
      }
    }
  }

  /** The log's SEVERE lines (one line a record in Payara's format). */
  private static Stream<String> severe(String log) {
    return log.lines().filter(l -> l.contains("SEVERE"));
  }

  private static PayaraProcess start(Path dir, String name, String tokens) throws Exception {
    Path properties = dir.resolve(name + ".properties");
    String base = Files.readString(Path.of("src/test/resources/it-system.properties"));
    Files.writeString(
        properties, base.replaceAll("(?m)^signalhub\\.tokens=.*$", "signalhub.tokens=" + tokens));
    return PayaraProcess.withH2(
        dir,
        dir.resolve(name + ".log"),
        Path.of("server-config/pre-boot-commands.asadmin"),
        Map.of(),
        List.of(),
        properties);
  }
}
