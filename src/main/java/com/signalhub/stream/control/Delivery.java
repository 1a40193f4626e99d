package com.signalhub.stream.control;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * One broadcast's progress: each session it was offered to reports once (sent, or not going to be),
 * and the last report gives the broadcast's latency in nanoseconds. The broadcaster holds one count
 * of its own while it offers, so the number of sessions need not be known up front.
 */
final class Delivery {

  /** For frames that belong to no broadcast (replays, test replies, errors). */
  static final Delivery NONE = new Delivery(0, nanos -> {});

  private final AtomicInteger pending = new AtomicInteger(1); // the broadcaster's own count
  private final long startNanos;
  private final LongConsumer onComplete;
  private volatile boolean offered;

  Delivery(long startNanos, LongConsumer onComplete) {
    this.startNanos = startNanos;
    this.onComplete = onComplete;
  }

  /** One more session will report; called before the frame is offered to it. */
  void expect() {
    offered = true;
    pending.incrementAndGet();
  }

  /** A session's report, or the broadcaster's once it has offered the frame to every session. */
  void done() {
    if (this != NONE && pending.decrementAndGet() == 0 && offered) {
      onComplete.accept(System.nanoTime() - startNanos);
    }
  }
}
