package com.signalhub.feed.boundary;

import com.signalhub.feed.control.SignalFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while this instance's clients are kept waiting longer than {@code
 * signalhub.feed.max-behind-ms}: a seq missing that long while later ones wait (the database does
 * not give it back), or, with the cluster on, the other instances' topic unreadable that long (what
 * they store then reaches this instance's clients only with the periodic check). A load balancer
 * then sends new clients elsewhere; the ones connected keep their sessions.
 */
@Readiness
@ApplicationScoped
public class FeedReadiness implements HealthCheck {

  @Inject SignalFeed feed;

  @Inject PeerTopic topic;

  private volatile boolean started;
  private volatile long maxBehindMs = -1;

  /*
   * Payara Server calls health checks while the application is still starting, from a thread that
   * does not see its settings yet: until it has started, the beans behind this check are not
   * touched (made then, they fail, with a stack trace in the log for every probe), nor is the
   * setting read.
   */
  void started(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    started = true;
  }

  @Override
  public HealthCheckResponse call() {
    if (!started) {
      return HealthCheckResponse.named("feed").down().withData("starting", "true").build();
    }
    long now = System.nanoTime();
    long missingMs = sinceMillis(feed.missingSince(), now);
    long topicDownMs = sinceMillis(topic.unreadableSince(), now);
    return HealthCheckResponse.named("feed")
        .status(missingMs <= maxBehindMs() && topicDownMs <= maxBehindMs())
        .withData("position", feed.position())
        .withData("waiting", feed.waiting())
        .withData("missing_ms", missingMs)
        .withData("topic_unreadable_ms", topicDownMs)
        .build();
  }

  /* Not injected: this bean may be made on such a thread. */
  private long maxBehindMs() {
    long bound = maxBehindMs;
    if (bound < 0) {
      bound =
          ConfigProvider.getConfig(FeedReadiness.class.getClassLoader())
              .getValue("signalhub.feed.max-behind-ms", Long.class);
      maxBehindMs = bound;
    }
    return bound;
  }

  /* 0 for Long.MAX_VALUE (not the case now). */
  private static long sinceMillis(long sinceNanos, long nowNanos) {
    return sinceNanos == Long.MAX_VALUE
        ? 0
        : TimeUnit.NANOSECONDS.toMillis(Math.max(0, nowNanos - sinceNanos));
  }
}
