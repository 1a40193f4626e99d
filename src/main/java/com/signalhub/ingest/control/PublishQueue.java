package com.signalhub.ingest.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP publishes handed from the container's worker threads to the intake's own threads, at most
 * {@code maxPending} at a time (waiting or running). The intake stores one signal at a time, so a
 * worker that waited for it would sit idle while upgrades, pongs and health probes queue behind it;
 * past the bound a publish is refused at once (503) instead of queueing without end. A publish that
 * finds nothing pending runs on the caller's thread: no hand-over to pay for when the intake is
 * free, and a stalled store still holds one worker at most, since every publish behind it is
 * queued.
 *
 * @param <A> how a publisher is answered (the request's {@code AsyncResponse})
 */
public final class PublishQueue<A> {

  private final Executor executor;
  private final int maxPending;
  private final AtomicInteger pending = new AtomicInteger();
  private final Set<A> notStarted = ConcurrentHashMap.newKeySet();

  public PublishQueue(Executor executor, int maxPending) {
    if (maxPending < 1) {
      throw new IllegalArgumentException("maxPending must be at least 1, was " + maxPending);
    }
    this.executor = executor;
    this.maxPending = maxPending;
  }

  /**
   * Runs the publish now when nothing else is pending, else on the intake's threads unless it is
   * withdrawn first; false (nothing run) when the queue is full.
   */
  public boolean offer(A answer, Runnable publish) {
    int ahead = pending.incrementAndGet() - 1;
    if (ahead >= maxPending) {
      pending.decrementAndGet();
      return false;
    }
    if (ahead == 0) {
      try {
        publish.run();
      } finally {
        pending.decrementAndGet();
      }
      return true;
    }
    notStarted.add(answer);
    try {
      executor.execute(
          () -> {
            try {
              if (notStarted.remove(answer)) {
                publish.run();
              }
            } finally {
              pending.decrementAndGet();
            }
          });
      return true;
    } catch (RejectedExecutionException e) { // the executor is shutting down
      notStarted.remove(answer);
      pending.decrementAndGet();
      return false;
    }
  }

  /**
   * Every publish not started yet, which now never will: the application is stopping, and they are
   * to be answered (nothing of them was stored) rather than dropped with the executor's queue.
   */
  public List<A> withdrawNotStarted() {
    List<A> withdrawn = new ArrayList<>();
    for (A answer : notStarted) {
      if (notStarted.remove(answer)) {
        withdrawn.add(answer);
      }
    }
    return withdrawn;
  }

  /** Publishes waiting or running now. */
  public int pending() {
    return pending.get();
  }

  public int maxPending() {
    return maxPending;
  }
}
