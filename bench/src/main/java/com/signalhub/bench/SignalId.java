package com.signalhub.bench;

import io.netty.buffer.ByteBuf;

/**
 * Identifies a published signal inside its frame through the price: {@code <runId>.<seq>}, with
 * the sequence written as exactly {@value #DIGITS} fraction digits (e.g. run 4711, seq 42 is
 * {@code 4711.000000042}). Decoding right-pads the fraction, so a server that strips trailing zeros
 * still decodes right. Sequence numbers start at 1.
 */
public final class SignalId {
  static final int DIGITS = 9;
  static final long MAX_SEQ = 999_999_999L;
  static final int MAX_RUN_ID = 99_999;
  /** {@link #decode} result: no price, or not a price this tool wrote. */
  public static final long NONE = -1;
  /** {@link #decode} result: a price of another run. */
  public static final long FOREIGN = -2;

  private static final byte[] KEY = {'"', 'p', 'r', 'i', 'c', 'e', '"'};
  private static final long[] POW10 = new long[DIGITS + 1];

  static {
    POW10[0] = 1;
    for (int i = 1; i <= DIGITS; i++) POW10[i] = POW10[i - 1] * 10;
  }

  private SignalId() {}

  public static String price(int runId, long seq) {
    if (runId < 1 || runId > MAX_RUN_ID) throw new IllegalArgumentException("runId " + runId);
    if (seq < 1 || seq > MAX_SEQ) throw new IllegalArgumentException("seq " + seq);
    String s = Long.toString(seq);
    return runId + "." + "0".repeat(DIGITS - s.length()) + s;
  }

  /** The sequence number of this run's signal in a frame, or {@link #NONE} / {@link #FOREIGN}. */
  public static long decode(ByteBuf frame, int runId) {
    int end = frame.writerIndex();
    int i = indexOfKey(frame, frame.readerIndex(), end);
    if (i < 0) return NONE;
    i += KEY.length;
    i = skipSpaces(frame, i, end);
    if (i >= end || frame.getByte(i) != ':') return NONE;
    i = skipSpaces(frame, i + 1, end);
    long run = 0;
    int start = i;
    for (byte b; i < end && (b = frame.getByte(i)) >= '0' && b <= '9' && i - start < 10; i++) {
      run = run * 10 + (b - '0');
    }
    if (i == start) return NONE;
    if (run != runId) return FOREIGN;
    if (i >= end || frame.getByte(i) != '.') return NONE;
    i++;
    long seq = 0;
    int digits = 0;
    for (byte b; i < end && (b = frame.getByte(i)) >= '0' && b <= '9'; i++, digits++) {
      if (digits < DIGITS) {
        seq = seq * 10 + (b - '0');
      } else if (b != '0') {
        return NONE; // more significant digits than this tool writes
      }
    }
    if (digits == 0) return NONE;
    if (digits < DIGITS) seq *= POW10[DIGITS - digits];
    return seq == 0 ? NONE : seq;
  }

  private static int indexOfKey(ByteBuf buf, int from, int end) {
    outer:
    for (int i = from; i <= end - KEY.length; i++) {
      for (int k = 0; k < KEY.length; k++) {
        if (buf.getByte(i + k) != KEY[k]) continue outer;
      }
      return i;
    }
    return -1;
  }

  private static int skipSpaces(ByteBuf buf, int i, int end) {
    while (i < end && (buf.getByte(i) == ' ' || buf.getByte(i) == '\t')) i++;
    return i;
  }
}
