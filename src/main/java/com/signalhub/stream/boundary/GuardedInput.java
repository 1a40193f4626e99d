package com.signalhub.stream.boundary;

import com.signalhub.stream.control.FrameScanner;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A connection's input as Tyrus reads it: every byte up to the header of the first oversized frame;
 * from there on nothing (what arrives is read and dropped while the connection closes).
 */
final class GuardedInput extends ServletInputStream {

  private final ServletInputStream in;
  private final FrameScanner scanner;
  private final Runnable onOversize;
  private final byte[] scratch = new byte[1];
  private boolean tripped;

  GuardedInput(ServletInputStream in, FrameScanner scanner, Runnable onOversize) {
    this.in = in;
    this.scanner = scanner;
    this.onOversize = onOversize;
  }

  @Override
  public int read(byte[] bytes, int off, int len) throws IOException {
    if (tripped) {
      return 0;
    }
    int read = in.read(bytes, off, len);
    if (read <= 0) {
      return read;
    }
    int upToOversized = scanner.scan(bytes, off, read);
    if (upToOversized < 0) {
      return read;
    }
    tripped = true;
    drain(); // while the connection is open: read after it closes and the container trips up
    onOversize.run();
    return upToOversized;
  }

  /** Reads what has arrived without keeping it, so the close is not answered with a reset. */
  private void drain() throws IOException {
    byte[] sink = new byte[8192];
    while (!in.isFinished() && in.isReady() && in.read(sink) > 0) {
      // dropped: the frame it belongs to is refused
    }
  }

  @Override
  public int read() throws IOException {
    int read = read(scratch, 0, 1);
    return read <= 0 ? -1 : scratch[0] & 0xFF;
  }

  @Override
  public int available() throws IOException {
    return tripped ? 0 : in.available();
  }

  @Override
  public boolean isFinished() {
    return in.isFinished();
  }

  /** False once tripped: Tyrus stops reading, and the container is not asked for more. */
  @Override
  public boolean isReady() {
    return !tripped && in.isReady();
  }

  @Override
  public void setReadListener(ReadListener listener) {
    in.setReadListener(listener);
  }
}
