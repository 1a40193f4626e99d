package com.signalhub.stream.control;

/**
 * Follows the frame headers in a client's byte stream (RFC 6455 §5.2): spots the first data frame
 * that declares a payload over the limit — from its header, before any of that payload has to be
 * buffered — and the end of the client's close frame, after which a client sends nothing more.
 */
public final class FrameScanner {

  private static final int CLOSE = 0x8;

  private final long maxPayload;
  private final byte[] header = new byte[14];
  private int headerBytes; // of the current frame's header, collected so far
  private long payloadLeft; // of the current frame, still to come
  private boolean inClose; // the current frame is a close frame
  private boolean closeSeen;
  private boolean lost; // a length no stream can carry: the frames cannot be followed further

  public FrameScanner(long maxPayload) {
    this.maxPayload = maxPayload;
  }

  /**
   * Reads {@code len} bytes that follow those already scanned.
   *
   * @return how many of them come up to the end of an oversized frame's header, or -1 when there is
   *     none (scan the rest again to go on following the frames)
   */
  public int scan(byte[] bytes, int off, int len) {
    int i = 0;
    while (i < len && !lost) {
      if (payloadLeft > 0) {
        int skipped = (int) Math.min(payloadLeft, len - i);
        payloadLeft -= skipped;
        i += skipped;
        closeSeen |= inClose && payloadLeft == 0;
        continue;
      }
      header[headerBytes++] = bytes[off + i++];
      if (headerBytes < headerLength()) {
        continue;
      }
      long length = payloadLength();
      int opcode = header[0] & 0x0F;
      headerBytes = 0;
      if (length < 0) {
        lost = true;
      } else {
        payloadLeft = length;
        inClose = opcode == CLOSE;
        closeSeen |= inClose && length == 0;
      }
      boolean data = (opcode & 0x08) == 0; // opcodes 0-7: continuation, text, binary
      if (data && (length < 0 || length > maxPayload)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether a whole close frame has gone by. */
  public boolean closeSeen() {
    return closeSeen;
  }

  private int headerLength() {
    if (headerBytes < 2) {
      return 2;
    }
    int code = header[1] & 0x7F;
    int extended = code == 126 ? 2 : code == 127 ? 8 : 0;
    int mask = (header[1] & 0x80) != 0 ? 4 : 0;
    return 2 + extended + mask;
  }

  /** The declared payload length; negative for a 64-bit length with its top bit set. */
  private long payloadLength() {
    int code = header[1] & 0x7F;
    if (code < 126) {
      return code;
    }
    long length = 0;
    for (int k = 0; k < (code == 126 ? 2 : 8); k++) {
      length = (length << 8) | (header[2 + k] & 0xFF);
    }
    return length;
  }
}
