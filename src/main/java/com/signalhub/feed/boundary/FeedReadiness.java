package com.signalhub.feed.boundary;

import com.signalhub.feed.control.SignalFeed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

  @Inject
  @ConfigProperty(name = "signalhub.feed.max-behind-ms")
  long maxBehindMs;

  @Override
  public HealthCheckResponse call() {
    long now = System.nanoTime();
    long missingMs = sinceMillis(feed.missingSince(), now);
    long topicDownMs = sinceMillis(topic.unreadableSince(), now);
    return HealthCheckResponse.named("feed")
        .status(missingMs <= maxBehindMs && topicDownMs <= maxBehindMs)
        .withData("position", feed.position())
        .withData("waiting", feed.waiting())
        .withData("missing_ms", missingMs)
        .withData("topic_unreadable_ms", topicDownMs)
        .build();
  }

  /* 0 for Long.MAX_VALUE (not the case now). */
  private static long sinceMillis(long sinceNanos, long nowNanos) {
    return sinceNanos == Long.MAX_VALUE
        ? 0
        : TimeUnit.NANOSECONDS.toMillis(Math.max(0, nowNanos - sinceNanos));
  }
}
