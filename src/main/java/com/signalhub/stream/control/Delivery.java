package com.signalhub.stream.control;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * One broadcast's progress: each session it was offered to reports once (sent, or not going to be),
 * and the last report gives the broadcast's latency in nanoseconds.
 */
final class Delivery {

  /** For frames that belong to no broadcast (replays, test replies, errors). */
  static final Delivery NONE = new Delivery(1, 0, nanos -> {});

  private final AtomicInteger pending;
  private final long startNanos;
  private final LongConsumer onComplete;

  Delivery(int sessions, long startNanos, LongConsumer onComplete) {
    this.pending = new AtomicInteger(sessions);
    this.startNanos = startNanos;
    this.onComplete = onComplete;
  }

  void done() {
    if (this != NONE && pending.decrementAndGet() == 0) {
      onComplete.accept(System.nanoTime() - startNanos);
    }
  }
}
