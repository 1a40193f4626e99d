package com.signalhub.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The storage scenario against a real PostgreSQL, configured the way an operator does it
 * (server-config/postgresql/ and SIGNALHUB_DB_* variables). .ci/run installs and starts Debian's
 * PostgreSQL and sets the variables; without them this test is skipped and says so.
 */
class PostgresIT {

  @Test
  void theSignalLogWorksOnPostgresqlAndSurvivesACrash() throws Exception {
    assumeTrue(
        System.getenv("SIGNALHUB_DB_HOST") != null,
        "SIGNALHUB_DB_HOST etc. not set: no PostgreSQL to test against (.ci/run provides one)");
    Path logs = Files.createDirectories(Path.of("target", "postgres-it"));
    RestartIT.crashAndResume(name -> PayaraProcess.withPostgres(logs.resolve(name + ".log")));
  }
}
