package com.signalhub.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The crash scenario with the production configuration (server-config/production/): a real
 * PostgreSQL from the SIGNALHUB_DB_* variables, and an external Artemis broker with credentials and
 * its own queue names. .ci/run installs and starts Debian's PostgreSQL and sets the variables;
 * without them this test is skipped and says so.
 */
class PostgresIT {

  @Test
  void readinessFollowsTheDatabaseAndTheBrokerDownAndBackUp() throws Exception {
    assumeTrue(System.getenv("SIGNALHUB_DB_HOST") != null, "no PostgreSQL to test against");
    Path logs = Files.createDirectories(Path.of("target", "postgres-it"));
    Path brokerData = logs.resolve("broker-" + System.nanoTime());
    ExternalBroker broker = new ExternalBroker(brokerData);
    try (TcpProxy database =
        new TcpProxy(
            System.getenv("SIGNALHUB_DB_HOST"),
            Integer.parseInt(System.getenv("SIGNALHUB_DB_PORT")))) {
      Map<String, String> env = new HashMap<>(broker.environment());
      env.put("SIGNALHUB_DB_HOST", "127.0.0.1");
      env.put("SIGNALHUB_DB_PORT", String.valueOf(database.port));
      try (PayaraProcess server = PayaraProcess.withPostgres(logs.resolve("ready.log"), env)) {
        awaitReadiness(server, 200, "\"status\":\"UP\"");

        broker.close();
        awaitReadiness(server, 503, "\"name\":\"jms-broker\",\"status\":\"DOWN\"");
        broker = new ExternalBroker(brokerData, broker.port);
        awaitReadiness(server, 200, "\"status\":\"UP\"");

        database.cut();
        awaitReadiness(server, 503, "\"name\":\"database\",\"status\":\"DOWN\"");
        database.restore();
        awaitReadiness(server, 200, "\"status\":\"UP\"");
      }
    } finally {
      broker.close();
    }
  }

  /** Polls /health/ready until it answers {@code status} with {@code fragment}, within 60 s. */
  private static void awaitReadiness(PayaraProcess server, int status, String fragment)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    HttpResponse<String> last;
    do {
      last =
          http.send(
              HttpRequest.newBuilder(server.base.resolve("/health/ready")).build(),
              HttpResponse.BodyHandlers.ofString());
      if (last.statusCode() == status && last.body().contains(fragment)) {
        return;
      }
      Thread.sleep(250); // polling a health endpoint, as a load balancer does
    } while (System.nanoTime() < deadline);
    throw new AssertionError(
        "expected "
            + status
            + " with "
            + fragment
            + ", got "
            + last.statusCode()
            + " "
            + last.body());
  }

  @Test
  void theSignalLogWorksOnPostgresqlAndSurvivesACrash() throws Exception {
    assumeTrue(
        System.getenv("SIGNALHUB_DB_HOST") != null,
        "SIGNALHUB_DB_HOST etc. not set: no PostgreSQL to test against (.ci/run provides one)");
    Path logs = Files.createDirectories(Path.of("target", "postgres-it"));
    Path brokerData = logs.resolve("broker-" + System.nanoTime());
    try (ExternalBroker broker = new ExternalBroker(brokerData)) {
      RestartIT.crashAndResume(
          name -> PayaraProcess.withPostgres(logs.resolve(name + ".log"), broker.environment()));
    }
  }
}
