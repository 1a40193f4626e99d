package com.signalhub.fanout.control;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One round's progress in one shard: each connection it was offered to reports once (sent, or not
 * going to be), and the last report runs {@code onComplete}. The shard holds one count of its own
 * while it offers, so the number of connections need not be known up front.
 */
final class Delivery {

  /** For batches that belong to no round (replays, replies, pings). */
  static final Delivery NONE = new Delivery(() -> {});

  private final AtomicInteger pending = new AtomicInteger(1); // the shard's own count
  private final Runnable onComplete;

  Delivery(Runnable onComplete) {
    this.onComplete = onComplete;
  }

  /** One more connection will report; called before the round is offered to it. */
  void expect() {
    pending.incrementAndGet();
  }

  /** A connection's report, or the shard's once it has offered the round to every connection. */
  void done() {
    if (this != NONE && pending.decrementAndGet() == 0) {
      onComplete.run();
    }
  }
}
