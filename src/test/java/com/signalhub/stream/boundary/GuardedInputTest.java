package com.signalhub.stream.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.signalhub.stream.control.FrameScanner;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GuardedInputTest {

  private final AtomicInteger oversized = new AtomicInteger();
  private final AtomicInteger clientDone = new AtomicInteger();

  /** Masked client frames of {@code payload} zero bytes each. */
  private static byte[] frames(int opcode, int payload, int count) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < count; i++) {
      out.write(0x80 | opcode);
      if (payload < 126) {
        out.write(0x80 | payload);
      } else {
        out.write(0x80 | 126);
        out.write(payload >> 8);
        out.write(payload & 0xFF);
      }
      out.writeBytes(new byte[] {1, 2, 3, 4});
      out.writeBytes(new byte[payload]);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private GuardedInput over(byte[] bytes) {
    return new GuardedInput(
        new Arrived(bytes),
        new FrameScanner(4096),
        oversized::incrementAndGet,
        clientDone::incrementAndGet);
  }

  @Test
  void afterTheServerClosedEverythingIsDroppedUntilTheClientsCloseFrame() throws Exception {
    byte[] flood = frames(0x1, 4, 1000);
    GuardedInput input = over(concat(flood, frames(0x8, 2, 1)));
    input.discard();
    byte[] buffer = new byte[16_384];
    assertEquals(0, input.read(buffer, 0, buffer.length), "nothing reaches Tyrus");
    assertEquals(1, clientDone.get(), "the client's close frame ends the handshake");
    assertFalse(input.isReady(), "nothing more to read");
  }

  @Test
  void aClosingFrameWhileOpenIsPassedOnAndReported() throws Exception {
    byte[] close = frames(0x8, 2, 1);
    GuardedInput input = over(close);
    byte[] buffer = new byte[64];
    assertEquals(close.length, input.read(buffer, 0, buffer.length), "Tyrus answers it");
    assertEquals(1, clientDone.get());
    assertTrue(input.clientDone());
  }

  @Test
  void anOversizedFrameStopsTyrusAtItsHeaderAndTheRestIsDropped() throws Exception {
    GuardedInput input = over(concat(frames(0x1, 5000, 1), frames(0x8, 2, 1)));
    byte[] buffer = new byte[16_384];
    assertEquals(2 + 2 + 4, input.read(buffer, 0, buffer.length));
    assertEquals(1, oversized.get());
    assertEquals(1, clientDone.get(), "its close frame, after the refused frame, is followed");
    assertEquals(0, input.read(buffer, 0, buffer.length));
  }

  @Test
  void readsStayWellWithinTyrussIncomingBuffer() throws Exception {
    GuardedInput input = over(frames(0xA, 125, 1000)); // 131 KB of pongs, arrived at once
    assertEquals(GuardedInput.MAX_READ, input.available());
  }

  @Test
  void theEndOfInputEndsTheHandshake() throws Exception {
    GuardedInput input = over(frames(0x1, 4, 3));
    input.discard();
    input.read(new byte[100], 0, 100);
    assertEquals(1, clientDone.get(), "EOF");
  }

  /** What the container has read from the socket so far; finished once it is all read. */
  private static final class Arrived extends ServletInputStream {

    private final ByteArrayInputStream bytes;

    Arrived(byte[] bytes) {
      this.bytes = new ByteArrayInputStream(bytes);
    }

    @Override
    public int read() {
      return bytes.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return bytes.read(b, off, len);
    }

    @Override
    public int available() {
      return bytes.available();
    }

    @Override
    public boolean isFinished() {
      return bytes.available() == 0;
    }

    @Override
    public boolean isReady() {
      return bytes.available() > 0;
    }

    @Override
    public void setReadListener(ReadListener listener) {}
  }
}
