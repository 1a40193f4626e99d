package com.signalhub.stream.boundary;

import com.signalhub.stream.control.FrameScanner;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A connection's input as Tyrus reads it: every byte up to the header of the first oversized frame,
 * or until the server closes. From there on Tyrus gets nothing: what the client still sends is read
 * and dropped as it arrives (so the close is never answered with a reset, which would throw away
 * the close frame on its way to the client), and the end of the client's close frame, or of its
 * input, is reported — then the connection can be closed.
 */
final class GuardedInput extends ServletInputStream {

  /* Tyrus reads what available() says, up to its incoming buffer, on top of a partial frame it may
   * hold: a read as big as that buffer overflows it (1011 "Buffer overflow.") for a client that
   * merely sends fast. Reads of at most this size leave room for the largest frame admitted. */
  static final int MAX_READ = 16_384;

  private final ServletInputStream in;
  private final FrameScanner scanner;
  private final Runnable onOversize;
  private final Runnable onClientDone;
  private final byte[] scratch = new byte[1];
  private volatile boolean discarding;
  private volatile boolean clientDone;

  /**
   * @param onOversize told once, when the client declares an oversized frame
   * @param onClientDone told once, when the client's close frame has been read or its input ended
   */
  GuardedInput(
      ServletInputStream in, FrameScanner scanner, Runnable onOversize, Runnable onClientDone) {
    this.in = in;
    this.scanner = scanner;
    this.onOversize = onOversize;
    this.onClientDone = onClientDone;
  }

  /** The server is closing: from now on nothing more reaches Tyrus. */
  void discard() {
    discarding = true;
  }

  @Override
  public int read(byte[] bytes, int off, int len) throws IOException {
    if (discarding) {
      drain();
      return 0;
    }
    int read = in.read(bytes, off, len);
    if (read <= 0) {
      endedIf(read < 0);
      return read;
    }
    int upToOversized = scanner.scan(bytes, off, read);
    if (upToOversized < 0) {
      endedIf(scanner.closeSeen());
      return read;
    }
    discarding = true;
    follow(bytes, off + upToOversized, read - upToOversized); // dropped, but followed
    onOversize.run();
    return upToOversized;
  }

  /* Reads what has arrived without keeping it, watching for the client's close frame. */
  private void drain() throws IOException {
    byte[] sink = new byte[8192];
    while (!clientDone && in.isReady()) {
      int read = in.read(sink);
      if (read < 0) {
        endedIf(true);
      } else if (read == 0) {
        break;
      } else {
        follow(sink, 0, read);
      }
    }
    endedIf(in.isFinished());
  }

  private void follow(byte[] bytes, int off, int len) {
    for (int at = 0; at < len; ) {
      int oversized = scanner.scan(bytes, off + at, len - at);
      at = oversized < 0 ? len : at + oversized;
    }
    endedIf(scanner.closeSeen());
  }

  private void endedIf(boolean ended) {
    if (ended && !clientDone) {
      clientDone = true;
      onClientDone.run();
    }
  }

  /** True once the client's close frame has been read or its input ended. */
  boolean clientDone() {
    return clientDone || in.isFinished();
  }

  @Override
  public int read() throws IOException {
    int read = read(scratch, 0, 1);
    return read <= 0 ? -1 : scratch[0] & 0xFF;
  }

  @Override
  public int available() throws IOException {
    return discarding ? 0 : Math.min(in.available(), MAX_READ);
  }

  @Override
  public boolean isFinished() {
    return in.isFinished();
  }

  /** While discarding, true as long as there is input to drop: the container keeps reading. */
  @Override
  public boolean isReady() {
    return !clientDone && in.isReady();
  }

  @Override
  public void setReadListener(ReadListener listener) {
    in.setReadListener(listener);
  }
}
