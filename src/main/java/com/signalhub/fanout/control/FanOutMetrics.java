package com.signalhub.fanout.control;

import com.signalhub.fanout.entity.Disconnect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The fan-out's own figures (Prometheus text at {@code /metrics}): sessions, by send path too,
 * frames sent, disconnects by reason, broadcast latency. The hot ones are held, not looked up.
 */
@ApplicationScoped
public class FanOutMetrics implements Meters {

  /** Every send path a connection can take. */
  public static final String[] PATHS = {"direct", "tyrus"};

  @Inject MetricRegistry registry;

  private Counter framesSent;
  private Counter connects;
  private Counter sendFailures;
  private Histogram broadcastLatency;
  private final Map<String, AtomicInteger> sessionsByPath = new ConcurrentHashMap<>();
  private final Map<Disconnect, Counter> disconnects = new ConcurrentHashMap<>();

  /** Registers every figure, so each is there (at zero) from the start. */
  public void register(Supplier<Number> openSessions) {
    framesSent = counter("signalhub.frames.sent", "Frames sent to clients (handed to the network)");
    connects = counter("signalhub.connects", "Stream sessions opened");
    sendFailures = counter("signalhub.send.failures", "Sends that failed (the session is closed)");
    // Plain microseconds: Payara's exporter writes a Timer's quantiles in ns but its _sum in s.
    broadcastLatency =
        registry.histogram(
            Metadata.builder()
                .withName("signalhub.broadcast.latency.microseconds")
                .withDescription(
                    "From a signal's acceptance to its send to every session completing, in us")
                .build());
    gauge("signalhub.sessions.open", "Open stream sessions on this instance", openSessions);
    for (String path : PATHS) {
      AtomicInteger sessions = new AtomicInteger();
      sessionsByPath.put(path, sessions);
      registry.gauge(
          Metadata.builder()
              .withName("signalhub.send.path.sessions")
              .withDescription("Open stream sessions by how their frames travel")
              .build(),
          sessions::get,
          new Tag("path", path));
    }
    for (Disconnect disconnect : Disconnect.values()) {
      disconnects.put(
          disconnect,
          registry.counter(
              Metadata.builder()
                  .withName("signalhub.disconnects")
                  .withDescription("Sessions closed by the server, by reason")
                  .build(),
              new Tag("reason", disconnect.label())));
    }
  }

  /**
   * This bean itself, not its client proxy: the engine counts on every write, and a call through
   * the proxy costs a context lookup and an interception-stack thread-local each time.
   */
  public Meters direct() {
    return this;
  }

  @Override
  public void opened(String path) {
    connects.inc();
    sessionsByPath.get(path).incrementAndGet();
  }

  @Override
  public void left(String path) {
    sessionsByPath.get(path).decrementAndGet();
  }

  @Override
  public void sent(int frames) {
    framesSent.inc(frames);
  }

  /** A connection closed by the server, for this reason. */
  @Override
  public void disconnected(Disconnect why) {
    disconnects.get(why).inc();
    if (why == Disconnect.SEND_FAILED) {
      sendFailures.inc();
    }
  }

  @Override
  public void broadcast(long nanos) {
    broadcastLatency.update(nanos / 1_000);
  }

  public void gauge(String name, String description, Supplier<Number> value) {
    registry.gauge(
        Metadata.builder().withName(name).withDescription(description).build(), value::get);
  }

  private Counter counter(String name, String description) {
    return registry.counter(Metadata.builder().withName(name).withDescription(description).build());
  }
}
