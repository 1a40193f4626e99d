package com.signalhub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

        feedHeldBackByAMissingSeq(server);
      }
    } finally {
      broker.close();
    }
  }

  /**
   * A seq taken from the counter but not (yet) stored, as by an instance whose commit is stuck: the
   * next signal waits for it, and past signalhub.feed.max-behind-ms readiness says so; once the
   * missing one is stored the periodic check delivers both, in order, and the feed is ready again.
   */
  private static void feedHeldBackByAMissingSeq(PayaraProcess server) throws Exception {
    try (WsClient client = WsClient.connect(server.base, Deployments.SUBSCRIBER);
        Connection db =
            DriverManager.getConnection(
                "jdbc:postgresql://"
                    + System.getenv("SIGNALHUB_DB_HOST")
                    + ":"
                    + System.getenv("SIGNALHUB_DB_PORT")
                    + "/"
                    + System.getenv("SIGNALHUB_DB_NAME"),
                System.getenv("SIGNALHUB_DB_USER"),
                System.getenv("SIGNALHUB_DB_PASSWORD"))) {
      long missing;
      try (ResultSet reserved =
          db.createStatement()
              .executeQuery(
                  "UPDATE signal_counter SET last_seq = last_seq + 1 WHERE id = 1"
                      + " RETURNING last_seq")) {
        assertTrue(reserved.next());
        missing = reserved.getLong(1);
      }
      String signal = Api.signal("buy", "HELD", "1.5", Api.now());
      assertEquals(missing + 1, Api.seqOf(Api.publish(server.base, Deployments.PUBLISHER, signal)));
      awaitReadiness(server, 503, "\"name\":\"feed\",\"status\":\"DOWN\"");
      assertEquals(null, client.messages.poll(0, TimeUnit.MILLISECONDS), "nothing out of order");

      try (PreparedStatement late =
          db.prepareStatement(
              "INSERT INTO signal_log (seq, type, symbol, price, signal_timestamp, is_test,"
                  + " received_at_ms, source) VALUES (?, 'sell', 'LATE', '2.5', ?, false, ?,"
                  + " 'HTTP')")) {
        late.setLong(1, missing);
        late.setLong(2, Api.now());
        late.setLong(3, System.currentTimeMillis());
        late.executeUpdate();
      }
      awaitReadiness(server, 200, "\"status\":\"UP\"");
      assertEquals(missing, Api.seqOfFrame(client.messages.poll(10, TimeUnit.SECONDS)));
      assertEquals(missing + 1, Api.seqOfFrame(client.messages.poll(10, TimeUnit.SECONDS)));
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
