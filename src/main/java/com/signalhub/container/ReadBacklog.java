package com.signalhub.container;

import com.signalhub.fanout.control.ReadLag;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.nio.NIOTransport;

/**
 * How long work waits for one of Grizzly's worker threads: every read of every connection (a pong
 * too) and every HTTP request (an upgrade too) queues there. Measured with a probe task put in the
 * queue at most every {@value #SAMPLE_MS} ms when asked: its wait once it ran, or, while it still
 * waits, its age. Upgrades are refused with 503 while it is past its bound, and the shards give
 * pongs that much grace.
 */
@ApplicationScoped
public class ReadBacklog implements ReadLag {

  static final long SAMPLE_MS = 100;
  private static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(SAMPLE_MS);
  /* No queue waits this long with 503s shedding upgrades: a probe this old was discarded. */
  private static final long LOST_NANOS = TimeUnit.SECONDS.toNanos(60);

  private volatile Executor workers;
  private final AtomicLong probeSince = new AtomicLong(); // 0: no probe in the queue
  private volatile long lastWait;
  private volatile long lastProbe = System.nanoTime() - SAMPLE_NANOS;

  /** Measures the worker pool behind this connection's transport (the first one seen). */
  void watch(Connection<?> connection) {
    if (workers == null && connection.getTransport() instanceof NIOTransport transport) {
      watch(transport.getWorkerThreadPool());
    }
  }

  void watch(Executor pool) {
    if (pool != null) {
      workers = pool;
    }
  }

  /** The worker queue's current wait: 0 until a connection of the fast path was seen. */
  @Override
  public long nanos() {
    Executor pool = workers;
    if (pool == null) {
      return 0;
    }
    long now = System.nanoTime();
    long since = probeSince.get();
    if (since != 0 && now - since > LOST_NANOS && probeSince.compareAndSet(since, 0)) {
      lastWait = 0; // a probe the pool discarded (shut down): measure afresh
      since = 0;
    }
    if (since != 0) {
      return Math.max(lastWait, now - since);
    }
    if (now - lastProbe >= SAMPLE_NANOS && probeSince.compareAndSet(0, now == 0 ? 1 : now)) {
      lastProbe = now;
      try {
        pool.execute(this::probed);
      } catch (RejectedExecutionException e) {
        // a pool shut down or replaced: forget it, the next fast-path upgrade brings the new one
        workers = null;
        lastWait = 0;
        probeSince.set(0);
        return 0;
      }
    }
    return lastWait;
  }

  private void probed() {
    lastWait = System.nanoTime() - probeSince.get();
    probeSince.set(0);
  }
}
