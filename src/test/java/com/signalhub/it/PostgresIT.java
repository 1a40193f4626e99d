package com.signalhub.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The crash scenario with the production configuration (server-config/production/): a real
 * PostgreSQL from the SIGNALHUB_DB_* variables, and an external Artemis broker with credentials and
 * its own queue names. .ci/run installs and starts Debian's PostgreSQL and sets the variables;
 * without them this test is skipped and says so.
 */
class PostgresIT {

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
