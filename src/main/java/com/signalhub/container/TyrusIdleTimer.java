package com.signalhub.container;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.core.TyrusSession;

/**
 * Turns off Tyrus's per-session idle timer. Tyrus 2.1.5 re-schedules an idle-timeout task on every
 * frame sent or received — even with no idle timeout set ({@code setMaxIdleTimeout(0)} schedules a
 * no-op task each time) — on the container's managed scheduled executor, and Payara's captures the
 * thread context for each task (a ServiceLoader scan of the application's jars): the largest single
 * cost per delivered frame in an early fan-out profile (bench/RESULTS.md). Stream sessions need no
 * idle timeout — liveness is the fan-out's ping/pong — so their scheduler becomes one that drops
 * those tasks.
 */
final class TyrusIdleTimer {

  private static final ScheduledExecutorService DROPPING = new Dropping();

  private final Field scheduler;

  private TyrusIdleTimer(Field scheduler) {
    this.scheduler = scheduler;
  }

  static TyrusIdleTimer resolve() throws NoSuchFieldException {
    Field field = DirectPath.field(TyrusSession.class, "service");
    if (!ScheduledExecutorService.class.isAssignableFrom(field.getType())) {
      throw new NoSuchFieldException("TyrusSession.service is no ScheduledExecutorService");
    }
    return new TyrusIdleTimer(field);
  }

  void off(TyrusSession session) {
    try {
      scheduler.set(session, DROPPING);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("TyrusSession.service cannot be set", e);
    }
    // after the swap: this cancels the task Tyrus scheduled at open and re-schedules on DROPPING
    session.setMaxIdleTimeout(0);
  }

  /** Accepts one-shot tasks and never runs them; the futures it gives are already cancelled. */
  private static final class Dropping extends AbstractExecutorService
      implements ScheduledExecutorService {

    private static final ScheduledFuture<Object> CANCELLED = new CancelledFuture();

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      return CANCELLED;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
      return (ScheduledFuture<V>) CANCELLED;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(
        Runnable command, long initialDelay, long period, TimeUnit unit) {
      throw new UnsupportedOperationException("no Tyrus heartbeat on stream sessions");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(
        Runnable command, long initialDelay, long delay, TimeUnit unit) {
      throw new UnsupportedOperationException("no Tyrus heartbeat on stream sessions");
    }

    @Override
    public void execute(Runnable command) {
      throw new UnsupportedOperationException("only idle-timeout tasks are expected here");
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return false;
    }
  }

  private static final class CancelledFuture implements ScheduledFuture<Object> {
    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      return false;
    }

    @Override
    public boolean isCancelled() {
      return true;
    }

    @Override
    public boolean isDone() {
      return true;
    }

    @Override
    public Object get() {
      throw new CancellationException();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      throw new CancellationException();
    }
  }
}
