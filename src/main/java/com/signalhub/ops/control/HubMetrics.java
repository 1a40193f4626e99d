package com.signalhub.ops.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Signal Hub's application metrics (MicroProfile Metrics, Prometheus text at {@code /metrics}), one
 * method per thing that happens. Names are {@code signalhub_*}; see the README for the list.
 */
@ApplicationScoped
public class HubMetrics {

  @Inject MetricRegistry registry;

  private Counter framesSent;
  private Histogram broadcastLatency;

  @PostConstruct
  void register() {
    framesSent =
        registry.counter(
            Metadata.builder()
                .withName("signalhub.frames.sent")
                .withDescription("Frames sent to clients (handed to their connections)")
                .build());
    // A histogram of plain microseconds: Payara's exporter writes a Timer's quantiles in ns but
    // its _sum in seconds; the unit is in the name instead.
    broadcastLatency =
        registry.histogram(
            Metadata.builder()
                .withName("signalhub.broadcast.latency.microseconds")
                .withDescription(
                    "From a signal's acceptance to its send to every session completing, in us")
                .build());
  }

  public void gauge(String name, String description, Supplier<Number> value) {
    registry.gauge(
        Metadata.builder().withName(name).withDescription(description).build(), value::get);
  }

  public void connected() {
    count("signalhub.connects", "Stream sessions opened");
  }

  /** An upgrade refused: origin, unauthorized, token_limit, instance_limit, store_unavailable. */
  public void refused(String reason) {
    count("signalhub.refusals", "Stream upgrades refused, by reason", new Tag("reason", reason));
  }

  /** A session closed by the server: slow, rate_limit, revoked, liveness, admin, shutdown. */
  public void disconnected(String reason) {
    disconnected(reason, 1);
  }

  public void disconnected(String reason, long sessions) {
    registry
        .counter(
            Metadata.builder()
                .withName("signalhub.disconnects")
                .withDescription("Sessions closed by the server, by reason")
                .build(),
            new Tag("reason", reason))
        .inc(sessions);
  }

  /** A signal stored and broadcast (not an idempotent replay), by source: http, jms, timer. */
  public void accepted(String source) {
    count("signalhub.signals.accepted", "Signals accepted, by source", new Tag("source", source));
  }

  /**
   * The sent-frames counter itself, for the send path: called once per delivered frame, it skips
   * the trip through this bean's client proxy.
   */
  public Runnable frameSentCounter() {
    Counter counter = framesSent;
    return counter::inc;
  }

  public void sendFailed() {
    count("signalhub.send.failures", "Frames whose send failed (the session is closed)");
  }

  public void replayRequested() {
    count("signalhub.replays", "Sessions opened with ?since= (replays)");
  }

  /** From a signal's acceptance to the last session's send of it completing. */
  public void broadcastLatency(Duration latency) {
    broadcastLatency.update(latency.toNanos() / 1_000);
  }

  private void count(String name, String description, Tag... tags) {
    registry
        .counter(Metadata.builder().withName(name).withDescription(description).build(), tags)
        .inc();
  }
}
