package com.signalhub.fanout.control;

import com.signalhub.fanout.entity.Disconnect;
import com.signalhub.fanout.entity.Ending;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * One connection's ordered, bounded send queue. Batches go out in the order they were offered, one
 * send at a time; whatever queued up behind a send goes out together in the next one (one write
 * carrying everything the connection is owed). Offering never blocks; the offering thread starts a
 * send only when none is in flight. A connection that lets more than {@code capacity} live frames
 * or {@code maxBytes} of them pile up, or whose send fails, is handed to {@code onFailure} once and
 * sends nothing more.
 */
public final class Outbox {

  /* At most this many queued batches ride one write. */
  private static final int MAX_MERGED = 64;

  private final FrameSink sink;
  private final int capacity;
  private final long maxBytes;
  private final Consumer<Ending> onFailure;
  private final IntConsumer onSent;

  private final Queue<Batch> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicBoolean sending = new AtomicBoolean();
  private final AtomicBoolean failed = new AtomicBoolean();

  /* The one send in flight, and whether its completion or its sender's return came first. */
  private static final int PENDING = 0;
  private static final int RETURNED = 1;
  private static final int COMPLETED_INLINE = 2;
  private final AtomicInteger sendState = new AtomicInteger();
  private volatile List<Batch> inFlight;
  private final Consumer<Throwable> completion = this::completed;

  /**
   * @param onFailure told once why the connection must close
   * @param onSent told how many text frames each completed send carried
   */
  public Outbox(
      FrameSink sink, int capacity, long maxBytes, Consumer<Ending> onFailure, IntConsumer onSent) {
    this.sink = sink;
    this.capacity = capacity;
    this.maxBytes = maxBytes;
    this.onFailure = onFailure;
    this.onSent = onSent;
  }

  /**
   * Queues a batch; false when this connection has failed or (for a counted batch) would be too far
   * behind. The batch's delivery hears once either way.
   */
  public boolean offer(Batch batch) {
    if (failed.get()) {
      batch.delivery().done();
      return false;
    }
    if (batch.counted()) {
      if (queued.addAndGet(batch.frames()) > capacity) {
        queued.addAndGet(-batch.frames());
        batch.delivery().done();
        fail(Disconnect.TOO_SLOW.ending(capacity + " frames"));
        return false;
      }
      if (queuedBytes.addAndGet(batch.bytes()) > maxBytes) {
        queued.addAndGet(-batch.frames());
        queuedBytes.addAndGet(-batch.bytes());
        batch.delivery().done();
        fail(Disconnect.TOO_SLOW.ending(maxBytes + " bytes"));
        return false;
      }
    }
    if (queue.isEmpty() && sending.compareAndSet(false, true)) {
      // Nothing waiting and nothing in flight: the usual case, sent without a trip through the
      // queue. Batches offered meanwhile queue behind it (they find the flag taken).
      if (send(List.of(batch))) {
        pump();
      }
      return true;
    }
    queue.add(batch);
    if (sending.compareAndSet(false, true)) {
      pump();
    }
    return true;
  }

  /* Runs only while this outbox owns the "sending" flag. */
  private void pump() {
    while (true) {
      List<Batch> next = drain();
      if (next == null) {
        sending.set(false);
        // A batch offered between the drain and set(false) would otherwise wait for the next offer.
        if (queue.isEmpty() || !sending.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      if (!send(next)) {
        return; // the completion goes on pumping
      }
    }
  }

  private List<Batch> drain() {
    Batch first = queue.poll();
    if (first == null) {
      return null;
    }
    Batch second = queue.poll();
    if (second == null) {
      return List.of(first);
    }
    List<Batch> all = new ArrayList<>();
    all.add(first);
    all.add(second);
    for (Batch more; all.size() < MAX_MERGED && (more = queue.poll()) != null; ) {
      all.add(more);
    }
    return all;
  }

  /*
   * Starts one send (only while owning the "sending" flag, so one at a time). True when it
   * completed before returning: a sink may complete on the calling thread, and the caller's loop
   * then goes on, which keeps the stack flat however much is queued.
   */
  private boolean send(List<Batch> batches) {
    for (Batch batch : batches) {
      if (batch.counted()) {
        queued.addAndGet(-batch.frames());
        queuedBytes.addAndGet(-batch.bytes());
      }
    }
    if (failed.get()) {
      batches.forEach(batch -> batch.delivery().done()); // sealed: let go
      return true;
    }
    // A seal() between here and the write lets this one send through: it may reach the client
    // just after the close frame (which clients ignore) or fail on a closed connection; either way
    // nothing waits on it.
    inFlight = batches;
    sendState.set(PENDING);
    try {
      sink.send(batches, completion);
    } catch (RuntimeException e) {
      inFlight = null;
      batches.forEach(batch -> batch.delivery().done());
      fail(Disconnect.SEND_FAILED.ending());
      return true; // the caller's loop lets whatever was queued go and releases the flag
    }
    return !sendState.compareAndSet(PENDING, RETURNED);
  }

  private void completed(Throwable failure) {
    List<Batch> batches = inFlight;
    inFlight = null; // an idle connection holds no frame
    int frames = 0;
    for (Batch batch : batches) {
      frames += batch.frames();
      batch.delivery().done();
    }
    if (failure != null) {
      fail(Disconnect.SEND_FAILED.ending());
    } else {
      sent.addAndGet(frames);
      onSent.accept(frames);
    }
    if (!sendState.compareAndSet(PENDING, COMPLETED_INLINE)) {
      pump(); // the sender returned first: the flag is this thread's now (after a failure, pump
      // lets go of what was queued meanwhile, so no round waits on it)
    }
  }

  /** Live frames waiting (replayed ones, replies and pings do not count). */
  public int queuedFrames() {
    return queued.get();
  }

  public long queuedBytes() {
    return queuedBytes.get();
  }

  /** Nothing queued and nothing in flight. */
  boolean idle() {
    return !sending.get() && queue.isEmpty();
  }

  /** How this connection's frames travel ({@link FrameSink#path()}). */
  public String sendPath() {
    return sink.path();
  }

  /** Text frames whose send completed. */
  public long framesSent() {
    return sent.get();
  }

  private void fail(Ending ending) {
    if (seal()) {
      onFailure.accept(ending);
    }
  }

  /**
   * Sends nothing more and lets the queued batches go: the connection is being closed. True the
   * first time.
   */
  boolean seal() {
    if (!failed.compareAndSet(false, true)) {
      return false;
    }
    for (Batch batch = queue.poll(); batch != null; batch = queue.poll()) {
      if (batch.counted()) {
        queued.addAndGet(-batch.frames());
        queuedBytes.addAndGet(-batch.bytes());
      }
      batch.delivery().done();
    }
    return true;
  }

  boolean sealed() {
    return failed.get();
  }
}
