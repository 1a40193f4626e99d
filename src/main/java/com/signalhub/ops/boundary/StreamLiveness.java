package com.signalhub.ops.boundary;

import com.signalhub.fanout.control.FanOut;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the application is deployed and every fan-out shard's thread runs. */
@Liveness
@ApplicationScoped
public class StreamLiveness implements HealthCheck {

  @Inject FanOut fanOut;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("stream")
        .status(fanOut.healthy())
        .withData("open_sessions", fanOut.size())
        .build();
  }
}
