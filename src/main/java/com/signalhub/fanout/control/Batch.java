package com.signalhub.fanout.control;

import com.signalhub.fanout.entity.WireFrame;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one connection is given in one go: one or more text frames back to back in one buffer (a
 * round's signals, framed once and shared by every connection of a shard), or a ping. Live frames
 * are {@code counted} against the connection's bounds; a replay, a reply or a ping is not.
 */
public final class Batch {

  private static final WireFrame[] NONE = {};

  private final ByteBuffer wire; // shared: every use takes a duplicate
  private final WireFrame[] frames;
  private final int from;
  private final int to;
  private final boolean counted;
  private final Delivery delivery;

  private Batch(
      ByteBuffer wire, WireFrame[] frames, int from, int to, boolean counted, Delivery delivery) {
    this.wire = wire;
    this.frames = frames;
    this.from = from;
    this.to = to;
    this.counted = counted;
    this.delivery = delivery;
  }

  /** One frame for one connection: not part of a broadcast, not counted. */
  public static Batch of(WireFrame frame) {
    return new Batch(frame.wire(), new WireFrame[] {frame}, 0, 1, false, Delivery.NONE);
  }

  /** Frames for one connection back to back in one buffer of their own: not counted. */
  public static Batch of(List<WireFrame> frames) {
    return joined(frames, false, Delivery.NONE);
  }

  static Batch joined(List<WireFrame> frames, boolean counted, Delivery delivery) {
    int bytes = 0;
    for (WireFrame frame : frames) {
      bytes += frame.length();
    }
    ByteBuffer wire = ByteBuffer.allocate(bytes);
    frames.forEach(frame -> frame.copyTo(wire));
    WireFrame[] all = frames.toArray(WireFrame[]::new);
    return new Batch(wire.flip(), all, 0, all.length, counted, delivery);
  }

  /** A ping. */
  public static Batch ping() {
    return new Batch(WireFrame.ping(), NONE, 0, 0, false, Delivery.NONE);
  }

  /** Frames {@code from..to} of {@code frames}, whose bytes {@code wire} holds back to back. */
  static Batch of(
      ByteBuffer wire, WireFrame[] frames, int from, int to, boolean counted, Delivery delivery) {
    return new Batch(wire, frames, from, to, counted, delivery);
  }

  /** Everything to write, as a buffer of its own positioned at the start. */
  public ByteBuffer wire() {
    return wire.duplicate();
  }

  /** Bytes on the wire. */
  public int bytes() {
    return wire.remaining();
  }

  /** Text frames in it (0 for a ping). */
  public int frames() {
    return to - from;
  }

  public boolean isPing() {
    return to == from && frames == NONE;
  }

  /** Each text frame's JSON, in order: for a sink that frames the text itself. */
  public void forEachText(Consumer<String> text) {
    for (int i = from; i < to; i++) {
      text.accept(frames[i].text());
    }
  }

  boolean counted() {
    return counted;
  }

  Delivery delivery() {
    return delivery;
  }
}
