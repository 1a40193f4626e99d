package com.signalhub.ops.boundary;

import com.signalhub.ops.control.BoundedProbe;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the signal log's database answers: no signal can be accepted without it. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = "jdbc/signalhub")
  DataSource database;

  @Inject BoundedProbe probe;

  @Override
  public HealthCheckResponse call() {
    return probe.run(this::ping).response("database", "jdbc/signalhub");
  }

  private Void ping() throws SQLException {
    try (Connection connection = database.getConnection()) {
      if (!connection.isValid(2)) {
        throw new SQLException("connection not valid");
      }
    }
    return null;
  }
}
