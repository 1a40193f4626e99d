package com.signalhub.fanout.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireFrameTest {

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }

  private static byte[] header(String text) {
    byte[] frame = bytes(WireFrame.of(text).wire());
    int payload = text.getBytes(StandardCharsets.UTF_8).length;
    byte[] head = new byte[frame.length - payload];
    System.arraycopy(frame, 0, head, 0, head.length);
    return head;
  }

  @Test
  void aShortFrameHasATwoByteHeaderAndTheTextAsUtf8() {
    byte[] frame = bytes(WireFrame.of("{\"p\":\"€\"}").wire());
    byte[] payload = "{\"p\":\"€\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals(2 + payload.length, frame.length);
    assertEquals((byte) 0x81, frame[0], "FIN + text opcode");
    assertEquals(payload.length, frame[1], "unmasked, 7-bit length");
    assertArrayEquals(payload, java.util.Arrays.copyOfRange(frame, 2, frame.length));
  }

  @Test
  void lengthsPast125UseTheExtendedForms() {
    assertArrayEquals(new byte[] {(byte) 0x81, 125}, header("x".repeat(125)));
    assertArrayEquals(new byte[] {(byte) 0x81, 126, 0, 126}, header("x".repeat(126)));
    assertArrayEquals(
        new byte[] {(byte) 0x81, 126, (byte) 0xFF, (byte) 0xFF}, header("x".repeat(65535)));
    assertArrayEquals(
        new byte[] {(byte) 0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0}, header("x".repeat(65536)));
  }

  @Test
  void everyUseGetsItsOwnBufferOverTheSameBytes() {
    WireFrame frame = WireFrame.of("{\"seq\":1}");
    ByteBuffer first = frame.wire();
    first.get(new byte[first.remaining()]); // a write consumes its buffer
    ByteBuffer second = frame.wire();
    assertEquals(0, second.position());
    assertEquals(11, second.remaining());
  }

  @Test
  void aSharedFrameHasTheSameBytesInDirectMemory() {
    ByteBuffer shared = WireFrame.shared("{\"p\":\"€\"}").wire();
    assertEquals(true, shared.isDirect());
    assertArrayEquals(bytes(WireFrame.of("{\"p\":\"€\"}").wire()), bytes(shared));
  }

  @Test
  void aPingIsAnEmptyControlFrame() {
    assertArrayEquals(new byte[] {(byte) 0x89, 0}, bytes(WireFrame.ping()));
  }
}
