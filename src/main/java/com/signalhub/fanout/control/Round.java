package com.signalhub.fanout.control;

import com.signalhub.fanout.entity.WireFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * What one shard sends in one go: every signal accepted since its last round (up to a byte bound),
 * framed once into one buffer that every connection of the shard is handed a view of. One signal is
 * its own frame's buffer; several are copied back to back into a new direct buffer, once per shard,
 * never per connection.
 */
final class Round {

  private final RingFrame[] signals;
  private final WireFrame[] frames;
  private final int[] offsets; // where each frame starts in wire; offsets[n] is the total
  private final ByteBuffer wire;
  private final Delivery delivery;
  private final Batch whole; // what nearly every connection gets: one for all of them
  private int reached;

  private Round(RingFrame[] signals) {
    this.signals = signals;
    int n = signals.length;
    frames = new WireFrame[n];
    offsets = new int[n + 1];
    for (int i = 0; i < n; i++) {
      frames[i] = signals[i].frame;
      offsets[i + 1] = offsets[i] + frames[i].length();
    }
    if (n == 1) {
      wire = frames[0].wire();
    } else {
      ByteBuffer all = ByteBuffer.allocateDirect(offsets[n]);
      for (WireFrame frame : frames) {
        frame.copyTo(all);
      }
      wire = all.flip().asReadOnlyBuffer();
    }
    delivery = new Delivery(this::sent);
    whole = Batch.of(wire, frames, 0, n, true, delivery);
  }

  /** The round of {@code signals} (at consecutive ring indexes, at least one). */
  static Round of(RingFrame[] signals) {
    return new Round(signals);
  }

  long firstIndex() {
    return signals[0].index;
  }

  /** The index after the last one in this round. */
  long endIndex() {
    return signals[signals.length - 1].index + 1;
  }

  long firstSeq() {
    return signals[0].seq;
  }

  int size() {
    return signals.length;
  }

  RingFrame signal(int i) {
    return signals[i];
  }

  /** The whole round for one connection. */
  Batch batch() {
    return from(0);
  }

  /** The round from its {@code first}-th signal on, for a connection that joined after the rest. */
  Batch from(int first) {
    reached++;
    delivery.expect();
    if (first == 0) {
      return whole;
    }
    ByteBuffer view = wire.duplicate().position(offsets[first]).slice().asReadOnlyBuffer();
    return Batch.of(view, frames, first, frames.length, true, delivery);
  }

  /**
   * The round from its {@code first}-th signal on without those {@code skip} names: for a
   * connection whose replay already sent some of them (just after it went live). A copy of its own;
   * null when it already has them all.
   */
  Batch except(int first, LongPredicate skip) {
    List<WireFrame> kept = new ArrayList<>();
    for (int i = first; i < signals.length; i++) {
      if (!skip.test(signals[i].seq)) {
        kept.add(frames[i]);
      }
    }
    if (kept.isEmpty()) {
      return null;
    }
    reached++;
    delivery.expect();
    return Batch.joined(kept, true, delivery);
  }

  /** What a connection is owed from the ring that its shard sent before it joined. */
  static Batch catchUp(List<RingFrame> owed) {
    List<WireFrame> frames = new ArrayList<>(owed.size());
    owed.forEach(signal -> frames.add(signal.frame));
    return Batch.joined(frames, true, Delivery.NONE);
  }

  /** The shard has offered the round to every connection that is owed it. */
  void offered() {
    delivery.done();
  }

  private void sent() {
    long now = System.nanoTime();
    boolean anybody = reached > 0;
    for (RingFrame signal : signals) {
      signal.shardDone(anybody, now);
    }
  }
}
