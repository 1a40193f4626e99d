package com.signalhub.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FrameScannerTest {

  private static final int LIMIT = 4096;

  /** A masked client frame as it is on the wire: header, mask key, payload. */
  private static byte[] frame(int opcode, long declared, int payloadBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x80 | opcode);
    if (declared >= 0 && declared < 126) {
      out.write(0x80 | (int) declared);
    } else if (declared >= 0 && declared <= 0xFFFF) {
      out.write(0x80 | 126);
      out.write((int) (declared >> 8));
      out.write((int) declared & 0xFF);
    } else {
      out.write(0x80 | 127);
      out.writeBytes(ByteBuffer.allocate(8).putLong(declared).array());
    }
    out.writeBytes(new byte[] {1, 2, 3, 4});
    out.writeBytes(new byte[payloadBytes]);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void framesUpToTheLimitPass() {
    byte[] stream =
        concat(frame(1, 4, 4), frame(1, 200, 200), frame(1, LIMIT, LIMIT), frame(9, 0, 0));
    assertEquals(-1, new FrameScanner(LIMIT).scan(stream, 0, stream.length));
  }

  @Test
  void aFrameOneByteOverIsFoundAtTheEndOfItsHeader() {
    byte[] ok = frame(1, 10, 10);
    byte[] stream = concat(ok, frame(1, LIMIT + 1, 100));
    int headerEnd = ok.length + 2 + 2 + 4; // 126-form length, then the mask key
    assertEquals(headerEnd, new FrameScanner(LIMIT).scan(stream, 0, stream.length));
  }

  @Test
  void aFrameDeclaringGigabytesIsFoundBeforeAnyPayload() {
    byte[] stream = frame(1, 5L * 1024 * 1024 * 1024, 0);
    assertEquals(2 + 8 + 4, new FrameScanner(LIMIT).scan(stream, 0, stream.length));
  }

  @Test
  void aLengthWithItsTopBitSetIsOversized() {
    byte[] stream = frame(2, Long.MIN_VALUE + 5, 0);
    assertEquals(14, new FrameScanner(LIMIT).scan(stream, 0, stream.length));
  }

  @Test
  void headersAndPayloadsSplitAcrossReadsAreFollowed() {
    byte[] stream = concat(frame(1, 300, 300), frame(0, 3000, 3000), frame(1, 70_000, 10));
    FrameScanner scanner = new FrameScanner(LIMIT);
    int oversizedAt = -1;
    for (int i = 0; i < stream.length && oversizedAt < 0; i++) {
      if (scanner.scan(stream, i, 1) == 1) {
        oversizedAt = i + 1;
      }
    }
    assertEquals((2 + 2 + 4 + 300) + (2 + 2 + 4 + 3000) + (2 + 8 + 4), oversizedAt);
  }

  @Test
  void aContinuationFrameCountsAsData() {
    byte[] stream = concat(frame(1, 100, 100), frame(0, LIMIT + 1, 0));
    assertEquals(
        (2 + 4 + 100) + (2 + 2 + 4), new FrameScanner(LIMIT).scan(stream, 0, stream.length));
  }

  @Test
  void controlFramesAreLeftToTyrus() {
    byte[] stream = frame(9, 125, 125); // a ping may carry 125 bytes whatever the data limit
    assertEquals(-1, new FrameScanner(100).scan(stream, 0, stream.length));
  }

  @Test
  void theEndOfTheClientsCloseFrameIsSeenWhereverTheReadsSplitIt() {
    byte[] stream = concat(frame(0x1, 4, 4), frame(0xA, 3, 3), frame(0x8, 2, 2));
    for (int split = 1; split < stream.length; split++) {
      FrameScanner scanner = new FrameScanner(LIMIT);
      scanner.scan(stream, 0, split);
      assertEquals(false, scanner.closeSeen(), "before the close frame's last byte, at " + split);
      scanner.scan(stream, split, stream.length - split);
      assertEquals(true, scanner.closeSeen(), "split at " + split);
    }
  }

  @Test
  void anEmptyCloseFrameEndsWithItsHeader() {
    FrameScanner scanner = new FrameScanner(LIMIT);
    byte[] close = frame(0x8, 0, 0);
    scanner.scan(close, 0, close.length);
    assertEquals(true, scanner.closeSeen());
  }

  @Test
  void aCloseFrameAfterAnOversizedOneIsStillFound() {
    byte[] stream = concat(frame(0x1, LIMIT + 1, LIMIT + 1), frame(0x8, 2, 2));
    FrameScanner scanner = new FrameScanner(LIMIT);
    int header = scanner.scan(stream, 0, stream.length);
    assertEquals(2 + 2 + 4, header);
    assertEquals(false, scanner.closeSeen());
    assertEquals(-1, scanner.scan(stream, header, stream.length - header));
    assertEquals(true, scanner.closeSeen());
  }

  @Test
  void closeBytesInsideAPayloadAreNotAClose() {
    byte[] payload = frame(0x8, 0, 0);
    byte[] text = frame(0x1, payload.length, 0);
    byte[] stream = concat(text, payload);
    FrameScanner scanner = new FrameScanner(LIMIT);
    scanner.scan(stream, 0, stream.length);
    assertEquals(false, scanner.closeSeen());
  }
}
