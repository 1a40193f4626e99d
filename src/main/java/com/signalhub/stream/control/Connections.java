package com.signalhub.stream.control;

import com.signalhub.ops.control.HubMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The open stream connections, each a {@link Subscriber} with its own {@link Outbox}. */
@ApplicationScoped
public class Connections {

  private static final Logger LOG = Logger.getLogger(Connections.class.getName());

  @Inject
  @ConfigProperty(name = "signalhub.stream.max-queued-frames", defaultValue = "1000")
  int maxQueuedFrames;

  @Inject
  @ConfigProperty(name = "signalhub.stream.max-queued-bytes", defaultValue = "1048576")
  long maxQueuedBytes;

  @Inject
  @ConfigProperty(name = "signalhub.stream.close-timeout-ms", defaultValue = "5000")
  long closeTimeoutMs;

  @Resource ManagedExecutorService executor;

  @Inject HubMetrics metrics;

  private final Map<String, Subscriber> open = new ConcurrentHashMap<>();

  /* Closed sessions' connections, by when their close handshake must have ended. */
  private final Map<Outbox, Long> closing = new ConcurrentHashMap<>();

  private Runnable frameSent;

  @PostConstruct
  void registerGauge() {
    frameSent = metrics.frameSentCounter();
    metrics.gauge("signalhub.sessions.open", "Open stream sessions on this instance", open::size);
  }

  /**
   * Adds a connection to the broadcast. One about to be replayed to holds live signals back from
   * the moment it is added, so none reaches it ahead of (or twice with) its replay.
   */
  public Subscriber register(Session session, FrameSink sink, String tokenName, boolean resuming) {
    Outbox outbox =
        new Outbox(
            sink,
            maxQueuedFrames,
            maxQueuedBytes,
            (failed, reason) -> drop(session, reason),
            frameSent);
    Subscriber subscriber = new Subscriber(session, tokenName, outbox, maxQueuedFrames, this::drop);
    if (resuming) {
      subscriber.holdLive();
    }
    open.put(session.getId(), subscriber);
    return subscriber;
  }

  /**
   * A closed session (whoever closed it) leaves the broadcast; its connection is cut if it is still
   * open after the close timeout.
   */
  public void unregister(Session session) {
    Subscriber closed = open.remove(session.getId());
    if (closed != null) {
      expectClose(closed);
    }
  }

  public Optional<Subscriber> of(Session session) {
    return Optional.ofNullable(open.get(session.getId()));
  }

  public Optional<Subscriber> byId(String sessionId) {
    return Optional.ofNullable(open.get(sessionId));
  }

  public Collection<Subscriber> all() {
    return open.values();
  }

  public Set<String> tokenNames() {
    return open.values().stream().map(Subscriber::tokenName).collect(Collectors.toSet());
  }

  /**
   * Queues one already-encoded signal frame on every open connection, timing the broadcast from
   * {@code acceptedNanos} until the last of them has sent it.
   */
  public void broadcast(long seq, String frame, long acceptedNanos) {
    Delivery delivery =
        new Delivery(acceptedNanos, nanos -> metrics.broadcastLatency(Duration.ofNanos(nanos)));
    WireFrame wireFrame = WireFrame.of(frame); // framed once for every direct-write connection
    for (Subscriber subscriber : open.values()) {
      delivery.expect();
      subscriber.deliverLive(seq, wireFrame, delivery);
    }
    delivery.done(); // offered to all: from now on the last session's report completes it
  }

  /** Closes every connection of these tokens. */
  public void dropTokens(Set<String> tokenNames, CloseReason reason) {
    open.values().stream()
        .filter(subscriber -> tokenNames.contains(subscriber.tokenName()))
        .forEach(subscriber -> drop(subscriber.session(), reason));
  }

  /** Closes a connection off the caller's thread (a close frame may block on a stuck client). */
  public void drop(Session session, CloseReason reason) {
    Subscriber dropped = open.remove(session.getId());
    if (dropped != null) {
      dropped.outbox().seal(); // no frame after the close frame
      expectClose(dropped);
      metrics.disconnected(kind(reason));
      if (reason.getReasonPhrase().equals(SEND_FAILED)) {
        metrics.sendFailed();
      }
    }
    LOG.log(
        Level.INFO,
        "Dropping connection {0}: {1}",
        new Object[] {session.getId(), reason.getReasonPhrase()});
    executor.execute(() -> closeQuietly(session, reason));
  }

  private void expectClose(Subscriber subscriber) {
    closing.put(
        subscriber.outbox(), System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(closeTimeoutMs));
  }

  /**
   * Cuts the connections of sessions closed more than {@code signalhub.stream.close-timeout-ms} ago
   * (a no-op for those already gone): a client that does not read never finishes the close
   * handshake, and would otherwise hold its socket, and the kernel's buffer for it, for as long as
   * it likes.
   */
  void abortUnfinishedCloses(long nowNanos) {
    closing.forEach(
        (outbox, deadline) -> {
          if (nowNanos - deadline >= 0 && closing.remove(outbox, deadline)) {
            try {
              outbox.abort();
            } catch (RuntimeException e) {
              LOG.log(Level.FINE, "Cutting a connection failed", e);
            }
          }
        });
  }

  static final String SEND_FAILED = "send failed";

  /** The disconnect metric's reason for a close reason this application gives. */
  static String kind(CloseReason reason) {
    String phrase = reason.getReasonPhrase();
    if (phrase.startsWith("too slow")) {
      return "slow";
    } else if (phrase.equals(SEND_FAILED)) {
      return "send_failed";
    } else if (phrase.startsWith("token revoked")) {
      return "revoked";
    } else if (phrase.startsWith("no pong")) {
      return "liveness";
    } else if (phrase.startsWith("disconnected by")) {
      return "admin";
    } else if (phrase.startsWith("replay failed")) {
      return "replay_failed";
    }
    return "other";
  }

  /** On undeploy or shutdown: every client is told 1001 (going away), not just cut off. */
  @PreDestroy
  void goingAway() {
    CloseReason reason = new CloseReason(CloseCodes.GOING_AWAY, "server shutting down");
    int count = open.size();
    open.values().forEach(subscriber -> closeQuietly(subscriber.session(), reason));
    metrics.disconnected("shutdown", count);
    open.clear();
    LOG.log(Level.INFO, "Closed {0} connection(s): server shutting down", count);
  }

  private static void closeQuietly(Session session, CloseReason reason) {
    try {
      if (session.isOpen()) {
        session.close(reason);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Closing connection " + session.getId() + " failed", e);
    }
  }
}
