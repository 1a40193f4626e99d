package com.signalhub.stream.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One text frame the stream sends: its JSON, and — encoded once, on first use, however many
 * connections it goes to — its bytes on the wire (RFC 6455 §5.2: FIN + text opcode, the payload
 * length, no mask from a server, the UTF-8 payload).
 */
public final class WireFrame {

  private final String text;
  private volatile ByteBuffer wire; // racing first uses encode the same bytes twice: harmless

  private WireFrame(String text) {
    this.text = text;
  }

  public static WireFrame of(String text) {
    return new WireFrame(text);
  }

  public String text() {
    return text;
  }

  /** What the frame counts against a connection's queued-bytes bound (its JSON is ASCII). */
  int length() {
    return text.length();
  }

  /** The whole frame, header included, as a buffer of its own positioned at the start. */
  public ByteBuffer wire() {
    ByteBuffer encoded = wire;
    if (encoded == null) {
      encoded = encode(text);
      wire = encoded;
    }
    return encoded.duplicate();
  }

  static ByteBuffer encode(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    int n = payload.length;
    int header = n <= 125 ? 2 : n <= 0xFFFF ? 4 : 10;
    ByteBuffer frame = ByteBuffer.allocate(header + n);
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
