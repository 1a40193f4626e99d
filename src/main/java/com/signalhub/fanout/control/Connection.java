package com.signalhub.fanout.control;

import com.signalhub.fanout.entity.Ending;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * One client's place in the fan-out: its outbox, the first ring index it is owed live, and — while
 * a replay brings it up to date — that it waits. When the replay ends it is sent what it is owed
 * from the ring that the replay did not already send, so the switch from replay to live has no gap
 * and no duplicate.
 */
public final class Connection {

  private final ConnectionPeer peer;
  private final String tokenName;
  private final Instant openedAt = Instant.now();
  private final Outbox outbox;
  final long fromIndex;

  /*
   * Seqs the replay sent, (replayedAfter, replayedUpTo]: live frames for them are duplicates. The
   * replay reads committed signals, and a signal reaches the ring just after its commit, so one may
   * be in both. Anything outside the range is new to this client (a since past what is stored,
   * after a database reset, included). Written before the shard is told to go live, read by it.
   */
  long replayedAfter;
  long replayedUpTo;

  /* Shard-owned: whether it takes part in rounds, where it sits in the shard's list, and when it
   * arrived there (0 once its peer has been told it settled). */
  boolean live;
  int slot = -1;
  long placedAtNanos;
  volatile Shard shard; // assigned before it is visible to anyone else

  private volatile boolean settled;
  private volatile long pingSentAtNanos; // 0 when no ping awaits its pong
  private volatile long lastPingAtNanos = System.nanoTime();

  /**
   * @param bounds the live frames and bytes that may wait for it
   * @param onFailure told once when its outbox gives up on it (too slow, a failed send)
   * @param onSent told how many text frames each completed send carried
   */
  Connection(
      ConnectionPeer peer,
      String tokenName,
      long fromIndex,
      FrameSink sink,
      Bounds bounds,
      BiConsumer<Connection, Ending> onFailure,
      IntConsumer onSent) {
    this.peer = peer;
    this.tokenName = tokenName;
    this.fromIndex = fromIndex;
    this.outbox =
        new Outbox(
            sink,
            bounds.frames(),
            bounds.bytes(),
            ending -> onFailure.accept(this, ending),
            onSent);
  }

  /** What may wait for one connection before it is closed as too slow. */
  record Bounds(int frames, long bytes) {}

  public ConnectionPeer peer() {
    return peer;
  }

  public String id() {
    return peer.id();
  }

  public String tokenName() {
    return tokenName;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Outbox outbox() {
    return outbox;
  }

  /** Its transport has been told it settled (and has let go of what only its upgrade needed). */
  public boolean settled() {
    return settled;
  }

  void markSettled() {
    settled = true;
  }

  /** The client answered a ping (or sent anything): it is alive. */
  public void alive() {
    pingSentAtNanos = 0;
  }

  /** A ping went unanswered for longer than {@code timeoutNanos}. */
  boolean silentFor(long timeoutNanos, long now) {
    long sent = pingSentAtNanos;
    return sent != 0 && now - sent > timeoutNanos;
  }

  /** Time to ping: none awaits its pong and the last went out {@code intervalNanos} ago. */
  boolean pingDue(long intervalNanos, long now) {
    return pingSentAtNanos == 0 && now - lastPingAtNanos >= intervalNanos;
  }

  /** Spreads its first ping uniformly over the next {@code intervalNanos}. */
  void firstPingWithin(long intervalNanos) {
    if (intervalNanos > 0) {
      lastPingAtNanos = System.nanoTime() - ThreadLocalRandom.current().nextLong(intervalNanos);
    }
  }

  void pinged(long now) {
    lastPingAtNanos = now;
    pingSentAtNanos = now;
  }

  /** A live frame of this seq was already sent by the replay. */
  boolean replayed(long seq) {
    return seq > replayedAfter && seq <= replayedUpTo;
  }
}
