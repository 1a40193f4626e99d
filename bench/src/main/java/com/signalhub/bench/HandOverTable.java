package com.signalhub.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The intended hand-over instant (System.nanoTime at the scheduled publish instant, not the actual
 * send) of every signal, by sequence number. Signal {@code seq} is scheduled at {@code
 * (seq - 1) / rate} seconds after the start; those scheduled before the warm-up ends are not
 * measured.
 */
public final class HandOverTable {
  private final AtomicLongArray intended;
  private final long firstMeasuredSeq;

  public HandOverTable(long lastSeq, long firstMeasuredSeq) {
    if (lastSeq < 0 || lastSeq > SignalId.MAX_SEQ) throw new IllegalArgumentException("lastSeq " + lastSeq);
    this.intended = new AtomicLongArray((int) lastSeq + 1);
    this.firstMeasuredSeq = firstMeasuredSeq;
  }

  /** The first sequence number scheduled at or after the end of the warm-up. */
  public static long firstMeasuredSeq(double rate, double warmupSeconds) {
    return (long) Math.ceil(rate * warmupSeconds - 1e-9) + 1;
  }

  /** Total signals for a run of warm-up plus measured seconds at this rate. */
  public static long totalSignals(double rate, double warmupSeconds, double durationSeconds) {
    return firstMeasuredSeq(rate, warmupSeconds) - 1 + Math.round(rate * durationSeconds);
  }

  /** The scheduled instant of signal seq for a schedule starting at t0. */
  public static long scheduledAt(long t0, double rate, long seq) {
    return t0 + Math.round((seq - 1) * 1e9 / rate);
  }

  public long lastSeq() {
    return intended.length() - 1;
  }

  public long firstMeasuredSeq() {
    return firstMeasuredSeq;
  }

  public void handOver(long seq, long nanos) {
    intended.set((int) seq, nanos);
  }

  public boolean measured(long seq) {
    return seq >= firstMeasuredSeq && seq <= lastSeq();
  }

  /** Nanoseconds from hand-over to receipt, or -1 for an unknown or not yet handed-over signal. */
  public long latency(long seq, long receivedNanos) {
    if (seq < 1 || seq > lastSeq()) return -1;
    long t = intended.get((int) seq);
    return t == 0 ? -1 : receivedNanos - t;
  }
}
