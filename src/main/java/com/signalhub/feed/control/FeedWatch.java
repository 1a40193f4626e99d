package com.signalhub.feed.control;

import com.signalhub.platform.Scheduler;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the feed honest against the database, the truth: a seq missing for {@code
 * signalhub.feed.gap-wait-ms} while later ones wait (a lost message, an instance that died right
 * after its commit) is read from it, and every {@code signalhub.feed.check-interval-ms} the feed's
 * position is compared with the newest stored seq, so an instance that hears nothing still delivers
 * what others stored. Nothing runs between those: a single instance never has a gap, and wakes once
 * per check.
 */
@ApplicationScoped
public class FeedWatch {

  private static final Logger LOG = Logger.getLogger(FeedWatch.class.getName());

  @Inject SignalFeed feed;

  @Inject FeedMetrics metrics;

  @Inject Scheduler scheduler;

  @Inject
  @ConfigProperty(name = "signalhub.feed.gap-wait-ms")
  long gapWaitMs;

  @Inject
  @ConfigProperty(name = "signalhub.feed.check-interval-ms")
  long checkIntervalMs;

  @Resource ManagedThreadFactory threads;

  private ScheduledFuture<?> checks;
  private ExecutorService reads; // database reads off the shared timer thread (close deadlines)

  void startAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    reads = Executors.newSingleThreadExecutor(threads);
    feed.whenGapOpens(this::fillAfterWait);
    checks = scheduler.every(checkIntervalMs, () -> read(() -> catchUp(Long.MAX_VALUE, "")));
  }

  private void fillAfterWait() {
    scheduler.after(gapWaitMs, () -> read(this::fillGap));
  }

  /*
   * A gap filled meanwhile, or a newer one (it has a task of its own), is left alone; one the
   * database did not fill (it was away, or the seq is not stored yet) is tried again.
   */
  private void fillGap() {
    long since = feed.missingSince();
    if (System.nanoTime() - since >= TimeUnit.MILLISECONDS.toNanos(gapWaitMs)) {
      catchUp(feed.firstWaiting(), " (a gap)");
      if (feed.missingSince() == since) {
        fillAfterWait();
      }
    }
  }

  private void read(Runnable task) {
    try {
      reads.execute(task);
    } catch (RejectedExecutionException e) { // stopping
    }
  }

  /* The next periodic check tries again if the database is away. */
  private synchronized void catchUp(long before, String why) {
    try {
      long after = feed.position();
      int read = feed.catchUp(before);
      if (read > 0) {
        metrics.caughtUp(read);
        LOG.log(
            Level.FINE,
            "Feed caught up from the database: {0} signal(s) after {1}{2}",
            new Object[] {read, after, why});
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Feed check against the database failed", e);
    }
  }

  @PreDestroy
  void stop() {
    feed.whenGapOpens(() -> {});
    if (checks != null) {
      checks.cancel(false);
    }
    if (reads != null) {
      reads.shutdownNow();
    }
  }
}
