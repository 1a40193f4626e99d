package com.signalhub.stream.control;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One connection's ordered, bounded send queue. Frames go out in the order they were offered, one
 * async send at a time; offering never blocks and never does network I/O on the caller's thread
 * beyond starting a send. A connection that lets more than {@code capacity} frames or {@code
 * maxBytes} of them pile up (frames are ASCII JSON: a character is a byte), or whose send fails, is
 * handed to {@code onFailure} and sends nothing more.
 */
public final class Outbox {

  private final FrameSink sink;
  private final int capacity;
  private final long maxBytes;
  private final BiConsumer<Outbox, CloseReason> onFailure;
  private final Runnable onSent;

  private record Item(WireFrame frame, boolean counted, Delivery delivery) {}

  private final Queue<Item> queue = new ConcurrentLinkedQueue<>();
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
  private volatile Item inFlight;
  private final Consumer<Throwable> completion = this::completed;

  public Outbox(
      FrameSink sink, int capacity, long maxBytes, BiConsumer<Outbox, CloseReason> onFailure) {
    this(sink, capacity, maxBytes, onFailure, () -> {});
  }

  /** As above; {@code onSent} runs for every frame whose send completed. */
  public Outbox(
      FrameSink sink,
      int capacity,
      long maxBytes,
      BiConsumer<Outbox, CloseReason> onFailure,
      Runnable onSent) {
    this.sink = sink;
    this.capacity = capacity;
    this.maxBytes = maxBytes;
    this.onFailure = onFailure;
    this.onSent = onSent;
  }

  /** Why a connection that fell too far behind is closed: 1013, retry with since. */
  static CloseReason tooSlow(String what) {
    return new CloseReason(CloseCodes.TRY_AGAIN_LATER, "too slow: more than " + what + " queued");
  }

  /** Queues a frame; false when this connection has failed or is too far behind. */
  public boolean offer(String frame) {
    return offer(WireFrame.of(frame), Delivery.NONE);
  }

  /** Queues a broadcast's frame, reporting to its delivery once sent (or never to be). */
  boolean offer(WireFrame frame, Delivery delivery) {
    if (failed.get()) {
      delivery.done();
      return false;
    }
    if (queued.incrementAndGet() > capacity) {
      queued.decrementAndGet();
      delivery.done();
      fail(tooSlow(capacity + " frames"));
      return false;
    }
    if (queuedBytes.addAndGet(frame.length()) > maxBytes) {
      queued.decrementAndGet();
      queuedBytes.addAndGet(-frame.length());
      delivery.done();
      fail(tooSlow(maxBytes + " bytes"));
      return false;
    }
    enqueue(new Item(frame, true, delivery));
    return true;
  }

  /**
   * Queues a replayed frame. Replays are bounded by their own limit, so they do not count against
   * {@code capacity}: a resuming client is not dropped for being sent its history.
   */
  public boolean offerReplayed(String frame) {
    if (failed.get()) {
      return false;
    }
    enqueue(new Item(WireFrame.of(frame), false, Delivery.NONE));
    return true;
  }

  private void enqueue(Item item) {
    if (queue.isEmpty() && sending.compareAndSet(false, true)) {
      // Nothing waiting and nothing in flight: the usual case, sent without a round trip through
      // the queue. Frames offered meanwhile queue behind it (they find the flag taken).
      if (send(item)) {
        pump();
      }
      return;
    }
    queue.add(item);
    if (sending.compareAndSet(false, true)) {
      pump();
    }
  }

  /* Runs only while this outbox owns the "sending" flag. */
  private void pump() {
    while (true) {
      Item next = queue.poll();
      if (next == null) {
        sending.set(false);
        // A frame offered between poll() and set(false) would otherwise wait for the next offer.
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

  /*
   * Starts one send (only while owning the "sending" flag, so one at a time). True when it
   * completed before returning: a container may complete an async send on the calling thread, and
   * the caller's loop then goes on, which keeps the stack flat however many frames are queued.
   */
  private boolean send(Item item) {
    if (item.counted()) {
      queued.decrementAndGet();
      queuedBytes.addAndGet(-item.frame().length());
    }
    if (failed.get()) {
      item.delivery().done(); // sealed: the frame is let go
      return true;
    }
    // A seal() between here and the write lets this one frame through: it may reach the client
    // just after the close frame (which clients ignore) or fail on a closed connection; either way
    // nothing waits on it.
    inFlight = item;
    sendState.set(PENDING);
    try {
      sink.send(item.frame(), completion);
    } catch (RuntimeException e) {
      inFlight = null;
      item.delivery().done();
      fail(new CloseReason(CloseCodes.GOING_AWAY, Connections.SEND_FAILED));
      return true; // the caller's loop lets whatever was queued go and releases the flag
    }
    return !sendState.compareAndSet(PENDING, RETURNED);
  }

  private void completed(Throwable failure) {
    Item item = inFlight;
    inFlight = null; // an idle connection holds no frame
    item.delivery().done();
    if (failure != null) {
      fail(new CloseReason(CloseCodes.GOING_AWAY, Connections.SEND_FAILED));
    } else {
      sent.incrementAndGet();
      onSent.run();
    }
    if (!sendState.compareAndSet(PENDING, COMPLETED_INLINE)) {
      pump(); // the sender returned first: the flag is this thread's now (after a failure, pump
      // lets go of what was queued meanwhile, so no broadcast waits on it)
    }
  }

  /** Live frames waiting (replayed ones are bounded by the replay limit instead). */
  public int queuedFrames() {
    return queued.get();
  }

  public long queuedBytes() {
    return queuedBytes.get();
  }

  /** Cuts the connection under this outbox ({@link FrameSink#abort()}). */
  void abort() {
    sink.abort();
  }

  /** How this connection's frames travel ({@link FrameSink#path()}). */
  public String sendPath() {
    return sink.path();
  }

  public long framesSent() {
    return sent.get();
  }

  private void fail(CloseReason reason) {
    if (seal()) {
      onFailure.accept(this, reason);
    }
  }

  /**
   * Sends nothing more and lets the queued frames go: the connection is being closed. True the
   * first time.
   */
  boolean seal() {
    if (!failed.compareAndSet(false, true)) {
      return false;
    }
    for (Item item = queue.poll(); item != null; item = queue.poll()) {
      if (item.counted()) {
        queued.decrementAndGet();
        queuedBytes.addAndGet(-item.frame().length());
      }
      item.delivery().done();
    }
    return true;
  }
}
