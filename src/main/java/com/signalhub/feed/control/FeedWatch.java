package com.signalhub.feed.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the feed honest against the database, the truth: a seq missing for longer than {@code
 * signalhub.feed.gap-wait-ms} while later ones wait (a lost grid event, an instance that died right
 * after its commit) is read from it, and every {@code signalhub.feed.check-interval-ms} the feed's
 * position is compared with the newest stored seq, so an instance that hears nothing still delivers
 * what others stored.
 */
@ApplicationScoped
public class FeedWatch {

  private static final Logger LOG = Logger.getLogger(FeedWatch.class.getName());
  private static final long TICK_MS = 20;

  @Inject SignalFeed feed;

  @Inject FeedMetrics metrics;

  @Inject
  @ConfigProperty(name = "signalhub.feed.gap-wait-ms")
  long gapWaitMs;

  @Inject
  @ConfigProperty(name = "signalhub.feed.check-interval-ms")
  long checkIntervalMs;

  @Resource ManagedThreadFactory threads;

  private ScheduledThreadPoolExecutor timer;
  private long lastCheckNanos;

  void startAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    timer = new ScheduledThreadPoolExecutor(1, threads);
    lastCheckNanos = System.nanoTime();
    timer.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    long now = System.nanoTime();
    boolean gap = now - feed.missingSince() >= TimeUnit.MILLISECONDS.toNanos(gapWaitMs);
    boolean due = now - lastCheckNanos >= TimeUnit.MILLISECONDS.toNanos(checkIntervalMs);
    if (!gap && !due) {
      return;
    }
    lastCheckNanos = now;
    try {
      long before = feed.position();
      int read = feed.catchUp(due ? Long.MAX_VALUE : feed.firstWaiting());
      if (read > 0) {
        metrics.caughtUp(read);
        LOG.log(
            Level.FINE,
            "Feed caught up from the database: {0} signal(s) after {1}{2}",
            new Object[] {read, before, gap ? " (a gap)" : ""});
      }
    } catch (RuntimeException e) { // the database is away: the next tick tries again
      LOG.log(Level.FINE, "Feed check against the database failed", e);
    }
  }

  @PreDestroy
  void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
