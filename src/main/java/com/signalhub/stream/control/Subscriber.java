package com.signalhub.stream.control;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One open connection. While its replay runs, live signals are held back; when the replay ends, the
 * held ones not already replayed follow it, so the switch from replay to live has no gap and no
 * duplicate.
 */
public final class Subscriber {

  private record Held(long seq, WireFrame frame) {}

  private final Session session;
  private final String tokenName;
  private final Instant openedAt = Instant.now();
  private final Outbox outbox;
  private final int maxHeld;
  private final BiConsumer<Session, CloseReason> onOverflow;
  private List<Held> held; // non-null while a replay runs; guarded by this

  /*
   * The seqs the replay sent, (replayedAfter, replayedUpTo]: live events for them are duplicates.
   * The replay reads committed signals, and a signal's live event is fired just after its commit,
   * so one may even arrive after goLive. Anything outside the range is new to this client (a since
   * past what is stored, after a database reset, included). Guarded by this.
   */
  private long replayedAfter;
  private long replayedUpTo;
  private volatile long pingSentAtNanos; // 0 when no ping awaits its pong
  private volatile long lastPingAtNanos = System.nanoTime();

  Subscriber(
      Session session,
      String tokenName,
      Outbox outbox,
      int maxHeld,
      BiConsumer<Session, CloseReason> onOverflow) {
    this.session = session;
    this.tokenName = tokenName;
    this.outbox = outbox;
    this.maxHeld = maxHeld;
    this.onOverflow = onOverflow;
  }

  public Session session() {
    return session;
  }

  public Outbox outbox() {
    return outbox;
  }

  public String tokenName() {
    return tokenName;
  }

  public Instant openedAt() {
    return openedAt;
  }

  /** The client answered a ping (or sent anything): it is alive. */
  public void alive() {
    pingSentAtNanos = 0;
  }

  /** Whether a ping went unanswered for longer than {@code timeoutNanos}. */
  boolean silentFor(long timeoutNanos, long now) {
    long sent = pingSentAtNanos;
    return sent != 0 && now - sent > timeoutNanos;
  }

  /** Whether it is time to ping (none awaiting, the last one {@code intervalNanos} ago). */
  boolean pingDue(long intervalNanos, long now) {
    return pingSentAtNanos == 0 && now - lastPingAtNanos >= intervalNanos;
  }

  void pinged(long now) {
    lastPingAtNanos = now;
    pingSentAtNanos = now;
  }

  /** Starts holding live signals back; before the connection joins the broadcast. */
  synchronized void holdLive() {
    held = new ArrayList<>();
  }

  /**
   * Sends the held live signals the replay did not, and goes live.
   *
   * @param since what the client resumed after
   * @param lastReplayedSeq the last seq the replay sent ({@code since} when it sent none)
   */
  public synchronized void goLive(long since, long lastReplayedSeq) {
    if (held == null) {
      return;
    }
    List<Held> pending = held;
    held = null;
    replayedAfter = since;
    replayedUpTo = lastReplayedSeq;
    for (Held frame : pending) {
      queueIfNew(frame.seq(), frame.frame());
    }
  }

  /** Part of a live broadcast: reports to {@code delivery} once sent, or not to be sent. */
  synchronized void deliverLive(long seq, WireFrame frame, Delivery delivery) {
    if (held == null && !replayed(seq)) {
      outbox.offer(frame, delivery);
    } else {
      delivery
          .done(); // held for a replay, or already replayed: not timed as part of this broadcast
      deliver(seq, frame);
    }
  }

  synchronized void deliver(long seq, WireFrame frame) {
    if (held == null) {
      queueIfNew(seq, frame);
    } else if (held.size() < maxHeld) {
      held.add(new Held(seq, frame));
    } else {
      held = null;
      onOverflow.accept(session, Outbox.tooSlow(maxHeld + " frames"));
    }
  }

  private void queueIfNew(long seq, WireFrame frame) {
    if (!replayed(seq)) {
      outbox.offer(frame, Delivery.NONE);
    }
  }

  private boolean replayed(long seq) {
    return seq > replayedAfter && seq <= replayedUpTo;
  }
}
