package com.signalhub.fanout.control;

import com.signalhub.fanout.entity.Disconnect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
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
public class FanOutMetrics {

  /** Every send path a connection can take. */
  public static final String[] PATHS = {"direct", "tyrus"};

  @Inject MetricRegistry registry;

  private volatile Figures figures;

  /** Registers every figure, so each is there (at zero) from the start. */
  public void register(Supplier<Number> openSessions) {
    Map<String, AtomicInteger> sessionsByPath = new HashMap<>();
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
    Map<Disconnect, Counter> disconnects = new EnumMap<>(Disconnect.class);
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
    gauge("signalhub.sessions.open", "Open stream sessions on this instance", openSessions);
    figures =
        new Figures(
            counter("signalhub.frames.sent", "Frames sent to clients (handed to the network)"),
            counter("signalhub.connects", "Stream sessions opened"),
            counter("signalhub.send.failures", "Sends that failed (the session is closed)"),
            // Plain microseconds: Payara's exporter writes a Timer's quantiles in ns but its _sum
            // in s.
            registry.histogram(
                Metadata.builder()
                    .withName("signalhub.broadcast.latency.microseconds")
                    .withDescription(
                        "From a signal's acceptance to its send to every session completing, in us")
                    .build()),
            sessionsByPath,
            disconnects);
  }

  /**
   * The figures themselves, for the engine, which counts on every write: a call through this bean's
   * client proxy costs a context lookup and an interception-stack thread-local each time. (Not
   * {@code this}: Weld's client proxy hands back the proxy when a method returns its own bean.)
   */
  public Meters direct() {
    return figures;
  }

  /** A connection closed by the server, for this reason. */
  public void disconnected(Disconnect why) {
    figures.disconnected(why);
  }

  public void gauge(String name, String description, Supplier<Number> value) {
    registry.gauge(
        Metadata.builder().withName(name).withDescription(description).build(), value::get);
  }

  private Counter counter(String name, String description) {
    return registry.counter(Metadata.builder().withName(name).withDescription(description).build());
  }

  /** The registered figures, held: a plain object, so the engine reaches them without a proxy. */
  private record Figures(
      Counter framesSent,
      Counter connects,
      Counter sendFailures,
      Histogram broadcastLatency,
      Map<String, AtomicInteger> sessionsByPath,
      Map<Disconnect, Counter> disconnects)
      implements Meters {

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
  }
}
