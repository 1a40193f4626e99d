package com.signalhub.fanout.control;

import com.signalhub.fanout.entity.Disconnect;
import com.signalhub.fanout.entity.Ending;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A share of the connections and the one thread that writes to them. It works in rounds: every
 * signal that reached the ring since the last round goes out together, framed once, as one write
 * per connection; at low load a round is one signal, under load several ride one write. Between
 * rounds it applies what the engine asked of it (connections joining, going live, leaving) and,
 * every watch interval, pings its connections and closes those whose pong never came. Nothing else
 * touches its list of connections.
 */
final class Shard implements Runnable {

  private static final Logger LOG = Logger.getLogger(Shard.class.getName());

  /* A connection is settled this long after it joined: its upgrade has long finished. */
  private static final long SETTLED_NANOS = TimeUnit.SECONDS.toNanos(2);

  /** What a shard needs to know, fixed at start. */
  record Settings(
      int maxRoundBytes, long pingIntervalNanos, long pongTimeoutNanos, long watchIntervalNanos) {}

  private final int number;
  private final FrameRing ring;
  private final Settings settings;
  private final BiConsumer<Connection, Ending> drop;
  private final ReadLag readLag;
  private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean signalled = new AtomicBoolean();
  private final AtomicInteger size = new AtomicInteger();

  private Connection[] members = new Connection[64];
  private int count;
  private long cursor;
  private long nextWatch;
  private volatile Thread thread;
  private volatile boolean running = true;

  /**
   * @param drop closes a connection the shard found dead, too slow or lapped (on the shard's
   *     thread; it must not block)
   * @param readLag how late the container reads what clients send (their pongs too)
   */
  Shard(
      int number,
      FrameRing ring,
      Settings settings,
      BiConsumer<Connection, Ending> drop,
      ReadLag readLag) {
    this.number = number;
    this.readLag = readLag;
    this.ring = ring;
    this.settings = settings;
    this.drop = drop;
    this.cursor = ring.head();
  }

  int number() {
    return number;
  }

  /** Connections in this shard (live or waiting for their replay). */
  int size() {
    return size.get();
  }

  boolean alive() {
    Thread t = thread;
    return running && t != null && t.isAlive();
  }

  /** Takes a connection; it joins the rounds at once, or after {@link #goLive} when resuming. */
  void add(Connection connection, boolean resuming) {
    size.incrementAndGet();
    command(
        () -> {
          place(connection);
          if (!resuming) {
            join(connection);
          }
        });
  }

  /** The connection's replay is queued: what it is owed from the ring follows, then the rounds. */
  void goLive(Connection connection) {
    command(() -> join(connection));
  }

  /** The connection is closed (its outbox sealed). */
  void remove(Connection connection) {
    command(
        () -> {
          if (connection.slot >= 0) {
            evict(connection);
          }
        });
  }

  /** New frames in the ring, or a command: run a loop soon. */
  void wake() {
    if (!signalled.getAndSet(true)) {
      LockSupport.unpark(thread);
    }
  }

  void stop() {
    running = false;
    LockSupport.unpark(thread);
  }

  Thread thread() {
    return thread;
  }

  @Override
  public void run() {
    thread = Thread.currentThread();
    nextWatch = System.nanoTime() + settings.watchIntervalNanos();
    while (running) {
      signalled.set(false);
      boolean worked;
      try {
        runCommands();
        worked = round();
        long now = System.nanoTime();
        if (now - nextWatch >= 0) {
          watch(now);
          nextWatch = now + settings.watchIntervalNanos();
        }
      } catch (RuntimeException | Error e) {
        // One bad round (or a full direct memory) must not stop the shard: its connections
        // would never hear again. The round's signals are not offered twice (round()).
        LOG.log(Level.SEVERE, "Fan-out shard " + number + " failed a round; it goes on", e);
        worked = false;
      }
      // A stray interrupt would make every park return at once, and a socket write from an
      // interrupted thread closes that socket: only stop() ends the loop.
      Thread.interrupted();
      if (!worked && !signalled.get() && running) {
        LockSupport.parkNanos(this, Math.max(1, nextWatch - System.nanoTime()));
      }
    }
  }

  private void command(Runnable command) {
    commands.add(command);
    wake();
  }

  /** One turn of the loop without its thread: for tests. */
  void step() {
    runCommands();
    round();
  }

  private void runCommands() {
    for (Runnable command = commands.poll(); command != null; command = commands.poll()) {
      command.run();
    }
  }

  /* Sends everything accepted since the last round; false when there was nothing. */
  boolean round() {
    long head = ring.head();
    if (cursor == head) {
      return false;
    }
    List<RingFrame> signals = new ArrayList<>();
    int bytes = 0;
    for (long i = cursor;
        i < head && (signals.isEmpty() || bytes < settings.maxRoundBytes());
        i++) {
      RingFrame signal = ring.get(i);
      if (signal == null) {
        lapped(head);
        return true;
      }
      signals.add(signal);
      bytes += signal.frame.length();
    }
    if (count == 0) { // nobody here to send them to
      long now = System.nanoTime();
      signals.forEach(signal -> signal.shardDone(false, now));
      cursor = signals.get(signals.size() - 1).index + 1;
      return true;
    }
    Round round = Round.of(signals.toArray(RingFrame[]::new));
    cursor = round.endIndex(); // a failure below must not offer this round twice
    try {
      for (int i = 0; i < count; i++) {
        Connection connection = members[i];
        if (connection.live) {
          deliver(connection, round);
        }
      }
    } finally {
      round.offered();
    }
    return true;
  }

  private void deliver(Connection connection, Round round) {
    long from = connection.fromIndex;
    if (from >= round.endIndex()) {
      return; // it joined after these were accepted
    }
    int first = from > round.firstIndex() ? (int) (from - round.firstIndex()) : 0;
    if (connection.replayedUpTo > connection.replayedAfter) {
      if (connection.replayedUpTo >= round.firstSeq()) {
        Batch unsent = round.except(first, connection::replayed);
        if (unsent != null) {
          connection.outbox().offer(unsent);
        }
        return;
      }
      connection.replayedAfter = connection.replayedUpTo = 0; // no later seq can be a replayed one
    }
    connection.outbox().offer(round.from(first));
  }

  /*
   * The ring overwrote frames this shard had not sent: its connections would miss them. They are
   * closed as too slow and resume from the database; the shard goes on from the newest frame.
   */
  private void lapped(long head) {
    LOG.log(
        Level.WARNING,
        "Fan-out shard {0} fell more than {1} signals behind: its {2} connections must resume",
        new Object[] {number, ring.capacity(), count});
    Ending ending = Disconnect.TOO_SLOW.ending(ring.capacity() + " signals");
    for (int i = 0; i < count; i++) {
      if (members[i].live) {
        drop.accept(members[i], ending);
      }
    }
    cursor = head;
  }

  private void place(Connection connection) {
    if (connection.outbox().sealed()) {
      size.decrementAndGet(); // closed before it got here; remove() will find no slot
      connection.slot = -2;
      return;
    }
    if (count == members.length) {
      members = Arrays.copyOf(members, count * 2);
    }
    connection.slot = count;
    connection.placedAtNanos = System.nanoTime();
    members[count++] = connection;
    // Its first ping somewhere within the first interval: a burst of connects is no burst of pings.
    connection.firstPingWithin(settings.pingIntervalNanos());
  }

  /* What the connection is owed from the ring that this shard already sent to the others. */
  private void join(Connection connection) {
    if (connection.slot < 0 || connection.outbox().sealed()) {
      return;
    }
    if (connection.fromIndex < cursor) {
      List<RingFrame> owed = new ArrayList<>();
      for (long i = connection.fromIndex; i < cursor; i++) {
        RingFrame signal = ring.get(i);
        if (signal == null) {
          drop.accept(connection, Disconnect.TOO_SLOW.ending(ring.capacity() + " signals"));
          return;
        }
        if (!connection.replayed(signal.seq)) {
          owed.add(signal);
        }
      }
      if (!owed.isEmpty()) {
        connection.outbox().offer(Round.catchUp(owed));
      }
    }
    connection.live = true;
  }

  private static void settle(Connection connection) {
    try {
      connection.peer().settled();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Settling a connection failed", e);
    }
    connection.markSettled();
  }

  private void evict(Connection connection) {
    int slot = connection.slot;
    Connection last = members[--count];
    members[slot] = last;
    last.slot = slot;
    members[count] = null;
    connection.slot = -1;
    connection.live = false;
    size.decrementAndGet();
  }

  /* Pings and dead connections: once per watch interval. */
  void watch(long now) {
    // A pong the container has not read yet is not missing: during a connect storm reads wait
    // behind thousands of upgrades, and healthy clients were closed as dead.
    long pongTimeout = settings.pongTimeoutNanos() + readLag.nanos();
    for (int i = 0; i < count; i++) {
      Connection connection = members[i];
      Outbox outbox = connection.outbox();
      if (outbox.sealed()) {
        continue;
      }
      if (connection.placedAtNanos != 0 && now - connection.placedAtNanos >= SETTLED_NANOS) {
        connection.placedAtNanos = 0;
        settle(connection);
      }
      // A connection with frames still going out is not silent: its ping may wait behind them,
      // and one genuinely behind is bounded by its queue instead.
      if (connection.silentFor(pongTimeout, now) && outbox.idle()) {
        drop.accept(
            connection,
            Disconnect.NO_PONG.ending(TimeUnit.NANOSECONDS.toMillis(settings.pongTimeoutNanos())));
      } else if (connection.pingDue(settings.pingIntervalNanos(), now)) {
        connection.pinged(now);
        outbox.offer(Batch.ping());
      }
    }
  }
}
