package com.signalhub.fanout.control;

import com.signalhub.fanout.entity.WireFrame;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * One signal in the engine's ring: its place, its seq, its frame (framed once for every shard), and
 * how many shards have yet to finish sending it — the last one times the broadcast.
 */
final class RingFrame {

  final long index;
  final long seq;
  final WireFrame frame;
  private final long acceptedNanos;
  private final AtomicInteger shardsToGo;
  private final LongConsumer onBroadcast;
  private volatile boolean reachedAny;

  RingFrame(
      long index,
      long seq,
      WireFrame frame,
      long acceptedNanos,
      int shards,
      LongConsumer onBroadcast) {
    this.index = index;
    this.seq = seq;
    this.frame = frame;
    this.acceptedNanos = acceptedNanos;
    this.shardsToGo = new AtomicInteger(shards);
    this.onBroadcast = onBroadcast;
  }

  /**
   * A shard has sent it to every connection it was offered to ({@code reached}: there was at least
   * one); the last shard reports the broadcast's latency, if anybody got it.
   */
  void shardDone(boolean reached, long nowNanos) {
    if (reached) {
      reachedAny = true;
    }
    if (shardsToGo.decrementAndGet() == 0 && reachedAny) {
      onBroadcast.accept(nowNanos - acceptedNanos);
    }
  }
}
