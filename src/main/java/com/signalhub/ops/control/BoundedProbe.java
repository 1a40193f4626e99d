package com.signalhub.ops.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Runs a health probe with a deadline: a dependency that hangs (a broker client retrying a lost
 * connection, a database behind a dead link) must read as down, not stall the health endpoint.
 */
@ApplicationScoped
public class BoundedProbe {

  /** What a probe found: up, or down and why. */
  public record Outcome(boolean up, String detail) {

    /** The health check answer: named, up or down, with what was probed and how it went. */
    public HealthCheckResponse response(String check, String resource) {
      return HealthCheckResponse.named(check).status(up).withData(resource, detail).build();
    }
  }

  @Resource ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "signalhub.health.timeout-ms", defaultValue = "2000")
  long timeoutMs;

  public Outcome run(Callable<?> probe) {
    Future<?> result = executor.submit(probe);
    try {
      result.get(timeoutMs, TimeUnit.MILLISECONDS);
      return new Outcome(true, "reachable");
    } catch (TimeoutException e) {
      result.cancel(true);
      return new Outcome(false, "no answer within " + timeoutMs + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return new Outcome(false, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(false, "interrupted");
    }
  }
}
