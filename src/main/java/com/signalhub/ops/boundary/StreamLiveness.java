package com.signalhub.ops.boundary;

import com.signalhub.stream.control.Connections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the application is deployed and its stream component answers. */
@Liveness
@ApplicationScoped
public class StreamLiveness implements HealthCheck {

  @Inject Connections connections;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("stream")
        .up()
        .withData("open_sessions", connections.all().size())
        .build();
  }
}
