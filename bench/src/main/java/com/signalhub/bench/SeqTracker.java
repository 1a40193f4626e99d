package com.signalhub.bench;

import java.util.BitSet;

/**
 * One client's bookkeeping of which signals it saw: repeats are duplicates, a sequence number
 * below the highest seen so far is out of order, and at the end whatever was accepted by the
 * server but never seen is missing. Written on the client's event loop, read at the end.
 */
public final class SeqTracker {
  private final BitSet seen = new BitSet();
  private long maxSeen;
  private long duplicates;
  private long outOfOrder;
  private long foreign;

  /** Records a frame; true when this sequence number is new for this client. */
  public synchronized boolean record(long seq) {
    if (seq < 1 || seq > Integer.MAX_VALUE) throw new IllegalArgumentException("seq " + seq);
    int i = (int) seq;
    if (seen.get(i)) {
      duplicates++;
      return false;
    }
    seen.set(i);
    if (seq < maxSeen) {
      outOfOrder++;
    } else {
      maxSeen = seq;
    }
    return true;
  }

  /** A text frame that carried no signal of this run. */
  public synchronized void foreign() {
    foreign++;
  }

  /** How many of the expected sequence numbers this client never saw. */
  public synchronized long missing(BitSet expected) {
    BitSet m = (BitSet) expected.clone();
    m.andNot(seen);
    return m.cardinality();
  }

  /** How many sequence numbers this client saw that were not expected (e.g. a failed publish). */
  public synchronized long unexpected(BitSet expected) {
    BitSet u = (BitSet) seen.clone();
    u.andNot(expected);
    return u.cardinality();
  }

  public synchronized long distinct() {
    return seen.cardinality();
  }

  public synchronized long duplicates() {
    return duplicates;
  }

  public synchronized long outOfOrder() {
    return outOfOrder;
  }

  public synchronized long foreignFrames() {
    return foreign;
  }
}
