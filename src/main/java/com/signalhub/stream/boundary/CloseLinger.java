package com.signalhub.stream.boundary;

import com.signalhub.platform.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bound on every close handshake ({@code signalhub.stream.close-timeout-ms}): a connection the
 * server closed is cut this long after at the latest, whatever its client does. Once the
 * application is stopping there is no lingering: the container is about to tear every connection
 * down, and a close now still writes what is queued (the 1001 close frames) before the FIN.
 */
@ApplicationScoped
public class CloseLinger {

  @Inject
  @ConfigProperty(name = "signalhub.stream.close-timeout-ms")
  long closeTimeoutMs;

  @Inject Scheduler scheduler; // deadlines already set still run at shutdown

  private volatile boolean stopping;

  /**
   * Runs {@code deadline} once the close timeout has passed; returns what cancels it, or null when
   * the connection is to be closed at once (the application is stopping).
   */
  Runnable after(Runnable deadline) {
    if (stopping) {
      return null;
    }
    ScheduledFuture<?> scheduled = scheduler.after(closeTimeoutMs, deadline);
    return scheduled == null ? null : () -> scheduled.cancel(false);
  }

  /* Before any bean is destroyed: the fan-out's shutdown closes (1001) come after this. */
  void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
    stopping = true;
  }
}
