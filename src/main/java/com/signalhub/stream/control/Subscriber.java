package com.signalhub.stream.control;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One open connection. While its replay runs, live signals are held back; when the replay ends, the
 * held ones not already replayed follow it, so the switch from replay to live has no gap and no
 * duplicate.
 */
public final class Subscriber {

  private record Held(long seq, String frame) {}

  private final Session session;
  private final Outbox outbox;
  private final int maxHeld;
  private final BiConsumer<Session, CloseReason> onOverflow;
  private List<Held> held; // non-null while a replay runs; guarded by this

  Subscriber(
      Session session, Outbox outbox, int maxHeld, BiConsumer<Session, CloseReason> onOverflow) {
    this.session = session;
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

  /** Starts holding live signals back; before the connection joins the broadcast. */
  synchronized void holdLive() {
    held = new ArrayList<>();
  }

  /** Sends the held live signals newer than what the replay ended with, and goes live. */
  public synchronized void goLive(long lastReplayedSeq) {
    if (held == null) {
      return;
    }
    List<Held> pending = held;
    held = null;
    for (Held frame : pending) {
      if (frame.seq() > lastReplayedSeq) {
        outbox.offer(frame.frame());
      }
    }
  }

  synchronized void deliver(long seq, String frame) {
    if (held == null) {
      outbox.offer(frame);
    } else if (held.size() < maxHeld) {
      held.add(new Held(seq, frame));
    } else {
      held = null;
      onOverflow.accept(session, Outbox.tooSlow(maxHeld));
    }
  }
}
