package com.signalhub.stream.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bound on every close handshake ({@code signalhub.stream.close-timeout-ms}): a connection the
 * server closed is cut this long after at the latest, whatever its client does.
 */
@ApplicationScoped
public class CloseLinger {

  @Inject
  @ConfigProperty(name = "signalhub.stream.close-timeout-ms")
  long closeTimeoutMs;

  @Resource ManagedThreadFactory threads;

  private ScheduledThreadPoolExecutor timer;

  @PostConstruct
  void start() {
    timer = new ScheduledThreadPoolExecutor(1, threads);
    timer.setRemoveOnCancelPolicy(true); // most handshakes end long before their deadline
  }

  /** Runs {@code deadline} once the close timeout has passed; returns what cancels it. */
  Runnable after(Runnable deadline) {
    ScheduledFuture<?> scheduled = timer.schedule(deadline, closeTimeoutMs, TimeUnit.MILLISECONDS);
    return () -> scheduled.cancel(false);
  }

  /** Deadlines already set still run: connections closing at shutdown end on time. */
  @PreDestroy
  void stop() {
    timer.shutdown();
  }
}
