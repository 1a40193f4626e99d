package com.signalhub.stream.boundary;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;

/**
 * A connection's output as Tyrus writes it, one whole frame per write: tells when the close frame
 * has been flushed to the container. Tyrus may queue frames while the container's output is not
 * ready, so the close frame can pass here after Tyrus has already closed the connection.
 */
final class GuardedOutput extends ServletOutputStream {

  private static final int CLOSE_FRAME = 0x88; // FIN + opcode 8, as a server sends it

  private final ServletOutputStream out;
  private final Runnable onCloseFrameFlushed;
  private boolean closeFrameWritten;

  GuardedOutput(ServletOutputStream out, Runnable onCloseFrameFlushed) {
    this.out = out;
    this.onCloseFrameFlushed = onCloseFrameFlushed;
  }

  @Override
  public void write(byte[] bytes, int off, int len) throws IOException {
    closeFrameWritten |= len > 0 && (bytes[off] & 0xFF) == CLOSE_FRAME;
    out.write(bytes, off, len);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
    if (closeFrameWritten) {
      closeFrameWritten = false;
      onCloseFrameFlushed.run();
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  @Override
  public boolean isReady() {
    return out.isReady();
  }

  @Override
  public void setWriteListener(WriteListener listener) {
    out.setWriteListener(listener);
  }
}
