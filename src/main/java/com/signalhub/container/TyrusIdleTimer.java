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
import org.glassfish.tyrus.core.BaseContainer;
import org.glassfish.tyrus.core.TyrusSession;

/**
 * Turns off Tyrus's per-session idle timer. Tyrus 2.1.5 schedules an idle-timeout task when a
 * session is created and re-schedules it on every frame sent or received — even with no idle
 * timeout set ({@code setMaxIdleTimeout(0)} schedules a no-op task each time) — on the container's
 * managed scheduled executor, and Payara's captures the thread context for each task (a
 * ServiceLoader scan of the application's class path): the largest single cost per delivered frame
 * in an early fan-out profile, and ~13 % of a connect storm's CPU (bench/RESULTS.md). Stream
 * sessions need no idle timeout — liveness is the fan-out's ping/pong — so Tyrus's container gets a
 * scheduler that drops the idle-timeout tasks and passes everything else on.
 */
final class TyrusIdleTimer {

  private static final String IDLE_TIMEOUT_TASK =
      TyrusSession.class.getName() + "$IdleTimeoutCommand";

  private TyrusIdleTimer() {}

  /** From now on, sessions of this container schedule no idle-timeout task. */
  static void offFor(Object serverContainer) throws ReflectiveOperationException {
    if (!(serverContainer instanceof BaseContainer container)) {
      throw new NoSuchFieldException("no Tyrus container: " + serverContainer);
    }
    Field field = DirectPath.field(BaseContainer.class, "managedScheduledExecutorService");
    Object current = field.get(container);
    if (current instanceof ScheduledExecutorService scheduler
        && !(current instanceof WithoutIdleTimeouts)) {
      field.set(container, new WithoutIdleTimeouts(scheduler));
    } else if (current == null) {
      throw new NoSuchFieldException("Tyrus schedules on an executor of its own here");
    }
  }

  /** A scheduler that drops Tyrus's idle-timeout tasks (their futures are already cancelled). */
  private static final class WithoutIdleTimeouts extends AbstractExecutorService
      implements ScheduledExecutorService {

    private static final ScheduledFuture<Object> CANCELLED = new CancelledFuture();
    private final ScheduledExecutorService delegate;

    WithoutIdleTimeouts(ScheduledExecutorService delegate) {
      this.delegate = delegate;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      return command.getClass().getName().equals(IDLE_TIMEOUT_TASK)
          ? CANCELLED
          : delegate.schedule(command, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
      return delegate.schedule(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(
        Runnable command, long initialDelay, long period, TimeUnit unit) {
      return delegate.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(
        Runnable command, long initialDelay, long delay, TimeUnit unit) {
      return delegate.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    @Override
    public void execute(Runnable command) {
      delegate.execute(command);
    }

    @Override
    public void shutdown() {
      delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
      return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
      return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
      return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
      return delegate.awaitTermination(timeout, unit);
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
