package com.signalhub.fanout.entity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One text frame the stream sends: its JSON, and its bytes on the wire (RFC 6455 §5.2: FIN + text
 * opcode, the payload length, no mask from a server, the UTF-8 payload), encoded once however many
 * connections it goes to. A broadcast's frame lives in direct memory, which the socket write takes
 * as it is (a heap buffer is first copied into one, per write).
 */
public final class WireFrame {

  /** A ping with no payload (opcode 0x9): the server's liveness probe. */
  private static final ByteBuffer PING =
      ByteBuffer.allocateDirect(2).put((byte) 0x89).put((byte) 0).flip().asReadOnlyBuffer();

  private final String text;
  private final ByteBuffer wire;

  private WireFrame(String text, ByteBuffer wire) {
    this.text = text;
    this.wire = wire;
  }

  /** A frame for one connection (a reply, a replayed signal): on the heap. */
  public static WireFrame of(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    return new WireFrame(text, encode(payload, ByteBuffer.allocate(sizeOf(payload))));
  }

  /** A frame for many connections: in direct memory, read-only. */
  public static WireFrame shared(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    return new WireFrame(
        text, encode(payload, ByteBuffer.allocateDirect(sizeOf(payload))).asReadOnlyBuffer());
  }

  /** The ping frame, as a buffer of its own. */
  public static ByteBuffer ping() {
    return PING.duplicate();
  }

  public String text() {
    return text;
  }

  /** Bytes on the wire, header included. */
  public int length() {
    return wire.limit();
  }

  /** The whole frame as a buffer of its own, positioned at the start (the bytes are shared). */
  public ByteBuffer wire() {
    return wire.duplicate();
  }

  /** Copies the frame's bytes into {@code target} at its position. */
  public void copyTo(ByteBuffer target) {
    target.put(wire.duplicate());
  }

  private static int sizeOf(byte[] payload) {
    int n = payload.length;
    return (n <= 125 ? 2 : n <= 0xFFFF ? 4 : 10) + n;
  }

  private static ByteBuffer encode(byte[] payload, ByteBuffer frame) {
    int n = payload.length;
    frame.put((byte) 0x81); // FIN, text
    if (n <= 125) {
      frame.put((byte) n);
    } else if (n <= 0xFFFF) {
      frame.put((byte) 126).putShort((short) n);
    } else {
      frame.put((byte) 127).putLong(n);
    }
    return frame.put(payload).flip();
  }
}
