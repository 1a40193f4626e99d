package com.signalhub.stream.boundary;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How one stream connection ends once the server has sent its close frame (RFC 6455 §7.1.1): the
 * socket is not closed at once, since closing it with the client's frames still unread makes the
 * kernel answer with a reset, which throws away the close frame on its way to the client (which
 * then reports 1006, a network fault, and reconnects at once — after a rate limit, a revocation or
 * an oversized frame). Instead: input is read and dropped, output is half-closed once the close
 * frame is written, and the connection is closed when the client's close frame has been read or its
 * input ends, or after the close timeout at the latest — then with a reset, for a client that never
 * read its close frame.
 */
final class CloseHandshake {

  private static final Logger LOG = Logger.getLogger(CloseHandshake.class.getName());

  /** The socket under the connection, where the container exposes it. */
  interface Wire {

    /** Sends a FIN after everything already queued for the socket has been written. */
    void halfCloseWhenWritten();

    /** Ends the connection with a reset, dropping whatever is still queued. */
    void reset();

    Wire NONE =
        new Wire() {
          @Override
          public void halfCloseWhenWritten() {}

          @Override
          public void reset() {}
        };
  }

  private final Runnable close;
  private final Wire wire;
  private final Function<Runnable, Runnable> linger;

  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean finished = new AtomicBoolean();
  private final AtomicBoolean halfClosed = new AtomicBoolean();
  private volatile boolean closeFrameFlushed;
  private volatile boolean clientDone;
  private volatile Runnable cancelDeadline;

  /**
   * @param close the container's close of the connection: queued bytes are written, then a FIN
   * @param linger schedules its argument at the close timeout and returns what cancels it, or null
   *     for a close at once
   */
  CloseHandshake(Runnable close, Wire wire, Function<Runnable, Runnable> linger) {
    this.close = close;
    this.wire = wire;
    this.linger = linger;
  }

  /** The server closes the connection (Tyrus does, right after queueing its close frame). */
  void serverClosing() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    if (clientDone) {
      finish(); // the client ended first (its close frame answered, or its input ended)
      return;
    }
    cancelDeadline = linger.apply(this::deadline);
    if (cancelDeadline == null) {
      finish(); // no lingering (the application is stopping)
      return;
    }
    if (closeFrameFlushed) {
      halfClose();
    }
    if (clientDone) {
      finish(); // ended meanwhile
    }
  }

  /** The close frame has been handed to the container, behind anything written before it. */
  void closeFrameFlushed() {
    closeFrameFlushed = true;
    if (closing.get()) {
      halfClose();
    }
  }

  /** The client's close frame has been read, or its input has ended, or its socket is gone. */
  void clientDone() {
    clientDone = true;
    if (closing.get()) {
      finish();
    }
  }

  private void halfClose() {
    if (halfClosed.compareAndSet(false, true) && !finished.get()) {
      wire.halfCloseWhenWritten();
    }
  }

  private void finish() {
    if (finished.compareAndSet(false, true)) {
      Runnable cancel = cancelDeadline;
      if (cancel != null) {
        cancel.run();
      }
      closeQuietly();
    }
  }

  /* The close timeout passed first: a client that never read its close frame, or never answered. */
  void deadline() {
    if (finished.compareAndSet(false, true)) {
      LOG.log(Level.FINE, "A close handshake did not end within the close timeout: reset");
      wire.reset();
      closeQuietly();
    }
  }

  private void closeQuietly() {
    try {
      close.run();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Closing an upgraded connection failed", e);
    }
  }
}
