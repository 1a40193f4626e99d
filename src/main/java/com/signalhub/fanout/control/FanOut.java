package com.signalhub.fanout.control;

import com.signalhub.fanout.entity.Disconnect;
import com.signalhub.fanout.entity.Ending;
import com.signalhub.fanout.entity.WireFrame;
import com.signalhub.feed.entity.Sequenced;
import com.signalhub.platform.ThrottledLog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fan-out engine: the one broadcaster. Signals from the feed go into a ring, framed once; the
 * connections are spread over shards, each with one thread that sends every connection of its
 * share, in rounds, everything accepted since its last round in one write. A publish only appends
 * to the ring and wakes the shards: it never waits for a socket. Connections join from any
 * transport ({@link ConnectionPeer} + {@link FrameSink}).
 */
@ApplicationScoped
public class FanOut {

  private static final Logger LOG = Logger.getLogger(FanOut.class.getName());
  private static final ThrottledLog DROPPED = new ThrottledLog(LOG, "dropping connection", 20);

  @Inject FanOutSettings settings;

  @Inject FanOutMetrics metrics;

  @Resource ManagedThreadFactory threads;

  @Inject Instance<ReadLag> readLag;

  private FrameRing ring;
  private Shard[] shards;
  private Meters meters;
  private Executor closer;
  private Connection.Bounds bounds;
  private final Map<String, Connection> open = new ConcurrentHashMap<>();
  private final AtomicInteger nextShard = new AtomicInteger();

  void startAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    // the first call on the proxy creates the bean: shards run and metrics exist from the start
    LOG.log(Level.FINE, "Fan-out ready with {0} shard(s)", shards.length);
  }

  private ExecutorService closing;

  @PostConstruct
  void start() {
    metrics.register(open::size);
    // Closes run on two threads of their own: a managed executor would capture the thread's
    // context (a class-path scan) for every one, and a mass drop is thousands at once.
    closing = Executors.newFixedThreadPool(2, threads);
    start(
        settings,
        threads,
        closing,
        metrics.direct(),
        readLag.isResolvable() ? readLag.get() : ReadLag.NONE);
  }

  /** Starts the engine with its collaborators (here so a unit test can, too). */
  void start(
      FanOutSettings settings,
      ThreadFactory threads,
      Executor closer,
      Meters meters,
      ReadLag readLag) {
    this.meters = meters;
    this.closer = closer;
    this.bounds = new Connection.Bounds(settings.maxQueuedFrames, settings.maxQueuedBytes);
    ring = new FrameRing(settings.ringSize);
    int count = settings.effectiveShards();
    shards = new Shard[count];
    for (int i = 0; i < count; i++) {
      shards[i] = new Shard(i, ring, settings.shardSettings(), this::drop, readLag);
      Thread thread = threads.newThread(shards[i]);
      thread.setName("signalhub-fanout-" + i);
      thread.setDaemon(true);
      thread.start();
    }
    LOG.log(
        Level.INFO,
        "Fan-out: {0} shard(s), ring of {1} signals, rounds up to {2} bytes",
        new Object[] {
          count, String.valueOf(settings.ringSize), String.valueOf(settings.maxRoundBytes)
        });
  }

  void onSequenced(@Observes Sequenced signal) {
    publish(signal.seq(), signal.json(), signal.acceptedNanos());
  }

  /** Hands one signal (in seq order) to every connection; returns at once. */
  void publish(long seq, String json, long acceptedNanos) {
    WireFrame frame = WireFrame.shared(json);
    int count = shards.length;
    ring.append(index -> new RingFrame(index, seq, frame, acceptedNanos, count, meters::broadcast));
    for (Shard shard : shards) {
      shard.wake();
    }
  }

  /**
   * Adds a connection. It is owed every signal that reaches the engine from now on; one that
   * resumes waits until {@link #goLive} (its replay first), holding back nothing it is owed.
   */
  public Connection open(ConnectionPeer peer, FrameSink sink, String tokenName, boolean resuming) {
    Connection connection =
        new Connection(peer, tokenName, ring.head(), sink, bounds, this::drop, meters::sent);
    Shard shard = shards[Math.floorMod(nextShard.getAndIncrement(), shards.length)];
    connection.shard = shard;
    open.put(connection.id(), connection);
    meters.opened(sink.path());
    shard.add(connection, resuming);
    return connection;
  }

  /**
   * The connection's replay of (since, lastReplayedSeq] is queued: it now gets what it is owed from
   * the engine that the replay did not send, then every round.
   */
  public void goLive(Connection connection, long since, long lastReplayedSeq) {
    connection.replayedAfter = since;
    connection.replayedUpTo = lastReplayedSeq;
    connection.shard.goLive(connection);
  }

  /** The server closes a connection: nothing more is sent to it, and the client is told why. */
  public void drop(Connection connection, Ending ending) {
    if (!leave(connection)) {
      return; // already closed
    }
    meters.disconnected(ending.disconnect());
    DROPPED.log(Level.INFO, "Dropping connection {0}: {1}", connection.id(), ending.reason());
    closer.execute(() -> closeQuietly(connection.peer(), ending));
  }

  /** The connection closed (whoever started it): it leaves the fan-out. */
  public void closed(Connection connection) {
    leave(connection);
  }

  private boolean leave(Connection connection) {
    if (!open.remove(connection.id(), connection)) {
      return false;
    }
    connection.outbox().seal(); // no frame after the close frame
    meters.left(connection.outbox().sendPath());
    connection.shard.remove(connection);
    return true;
  }

  public void dropTokens(Set<String> tokenNames, Ending ending) {
    open.values().stream()
        .filter(connection -> tokenNames.contains(connection.tokenName()))
        .forEach(connection -> drop(connection, ending));
  }

  public Optional<Connection> byId(String id) {
    return Optional.ofNullable(open.get(id));
  }

  public Collection<Connection> all() {
    return open.values();
  }

  public int size() {
    return open.size();
  }

  /** Connections per shard, for tests. */
  int[] shardSizes() {
    int[] sizes = new int[shards.length];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = shards[i].size();
    }
    return sizes;
  }

  /** Every shard's thread is running. */
  public boolean healthy() {
    for (Shard shard : shards) {
      if (!shard.alive()) {
        return false;
      }
    }
    return true;
  }

  /** On undeploy or shutdown: every client is told 1001 (going away), not just cut off. */
  @PreDestroy
  void stop() {
    Ending ending = Disconnect.SHUTDOWN.ending();
    int count = 0;
    for (Connection connection : open.values()) {
      if (leave(connection)) {
        meters.disconnected(Disconnect.SHUTDOWN);
        closeQuietly(connection.peer(), ending);
        count++;
      }
    }
    for (Shard shard : shards) {
      shard.stop();
    }
    if (closing != null) {
      closing.shutdown();
    }
    LOG.log(Level.INFO, "Closed {0} connection(s): server shutting down", count);
  }

  private static void closeQuietly(ConnectionPeer peer, Ending ending) {
    try {
      peer.close(ending);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Closing connection " + peer.id() + " failed", e);
    }
  }
}
