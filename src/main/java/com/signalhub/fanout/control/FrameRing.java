package com.signalhub.fanout.control;

/**
 * The frames handed to the engine, in seq order, each at the next index; the shards read it at
 * their own pace. It keeps the newest {@code capacity} frames: a reader further behind finds its
 * index overwritten ({@link #get} null) and must let its connections catch up from the database.
 */
final class FrameRing {

  private final RingFrame[] slots;
  private final int mask;
  private volatile long head; // the index the next frame gets; every index below it is readable

  FrameRing(int capacity) {
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("ring capacity must be a power of two: " + capacity);
    }
    slots = new RingFrame[capacity];
    mask = capacity - 1;
  }

  /** The index the next frame will get. */
  long head() {
    return head;
  }

  int capacity() {
    return slots.length;
  }

  /** Adds a frame built for the next index. Frames arrive in seq order (the feed's). */
  synchronized RingFrame append(RingFrameFactory factory) {
    long index = head;
    RingFrame frame = factory.at(index);
    slots[(int) (index & mask)] = frame;
    head = index + 1; // publishes the slot
    return frame;
  }

  /** The frame at {@code index} (below {@link #head()}), or null when it was overwritten. */
  RingFrame get(long index) {
    RingFrame frame = slots[(int) (index & mask)];
    return frame != null && frame.index == index ? frame : null;
  }

  /** Builds the frame for the index it is given. */
  @FunctionalInterface
  interface RingFrameFactory {
    RingFrame at(long index);
  }
}
