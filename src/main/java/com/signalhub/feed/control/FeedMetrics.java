package com.signalhub.feed.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Which instance answers ({@code signalhub_instance_info{instance}} 1), where its feed is ({@code
 * signalhub_feed_position}, {@code signalhub_feed_waiting}) and how often the database filled a gap
 * or brought what another instance stored ({@code signalhub_feed_caught_up_total}), and how many
 * signals the others told it about ({@code signalhub_feed_heard_total}).
 */
@ApplicationScoped
public class FeedMetrics {

  @Inject MetricRegistry registry;

  @Inject InstanceName instance;

  @Inject SignalFeed feed;

  private Counter caughtUp;
  private Counter heard;

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    registry.gauge(
        Metadata.builder()
            .withName("signalhub.instance.info")
            .withDescription("1, tagged with this instance's name")
            .build(),
        () -> 1,
        new Tag("instance", instance.name()));
    registry.gauge(
        Metadata.builder()
            .withName("signalhub.feed.position")
            .withDescription("The newest seq this instance's feed has handed to its clients")
            .build(),
        feed::position);
    registry.gauge(
        Metadata.builder()
            .withName("signalhub.feed.waiting")
            .withDescription("Signals held back waiting for a missing seq")
            .build(),
        feed::waiting);
    heard =
        registry.counter(
            Metadata.builder()
                .withName("signalhub.feed.heard")
                .withDescription("Signals the other instances told this one about")
                .build());
    caughtUp =
        registry.counter(
            Metadata.builder()
                .withName("signalhub.feed.caught.up")
                .withDescription("Signals the feed read from the database (gaps, other instances)")
                .build());
  }

  public void heard() {
    if (heard != null) {
      heard.inc();
    }
  }

  void caughtUp(int signals) {
    if (caughtUp != null) {
      caughtUp.inc(signals);
    }
  }
}
