package com.signalhub.feed.control;

import java.util.Map;
import java.util.TreeMap;

/**
 * Puts signals back in seq order, whatever order they arrive in (this instance's commits, other
 * instances' events, rows read from the database): each seq goes out once, after every lower one.
 * Seqs have no holes (one counter row allocates them), so a missing seq is late, never skipped:
 * {@link #missingSince} tells the feed when to look for it in the database, and each new gap is
 * announced once, as it opens.
 */
final class Sequencer {

  /** Where signals go out, in seq order, on the thread that completed the run. */
  interface Output {
    void emit(long seq, String json, long acceptedNanos);
  }

  private record Held(String json, long acceptedNanos) {}

  private final Output output;
  private final Runnable gapOpened;
  private final int maxHeld;
  private final TreeMap<Long, Held> held = new TreeMap<>();
  private long next; // the next seq to go out; 0 until started
  private long missingSeq; // the seq missingSinceNanos is about
  private long missingSinceNanos;

  /** {@code gapOpened} runs under this sequencer's lock: it must only note or schedule. */
  Sequencer(Output output, Runnable gapOpened, int maxHeld) {
    this.output = output;
    this.gapOpened = gapOpened;
    this.maxHeld = maxHeld;
  }

  /** From the newest stored seq at start: what came before is history, served by replay. */
  synchronized void startAfter(long newestStored, long nowNanos) {
    if (next == 0) {
      next = newestStored + 1;
      drain();
      if (!held.isEmpty()) { // heard before the start, and a seq between is still missing
        missingSeq = next;
        missingSinceNanos = nowNanos;
        gapOpened.run();
      }
    }
  }

  /** A signal from any source; a seq already out (or older than the start) is dropped. */
  synchronized void offer(long seq, String json, long acceptedNanos, long nowNanos) {
    if (next != 0 && seq == next) {
      output.emit(seq, json, acceptedNanos);
      next++;
      drain();
    } else if ((next == 0 || seq > next) && !held.containsKey(seq)) {
      held.put(seq, new Held(json, acceptedNanos)); // before the start, or after a gap
      if (held.size() > maxHeld) {
        held.pollLastEntry(); // the database still has it, and gives it back after the gap
      }
    }
    if (next != 0 && !held.isEmpty() && missingSeq != next) {
      missingSeq = next; // a new gap: its wait starts now
      missingSinceNanos = nowNanos;
      gapOpened.run();
    }
  }

  private void drain() {
    held.headMap(next).clear();
    for (Map.Entry<Long, Held> first = held.firstEntry();
        first != null && first.getKey() == next;
        first = held.firstEntry()) {
      held.pollFirstEntry();
      output.emit(next, first.getValue().json(), first.getValue().acceptedNanos());
      next++;
    }
  }

  /** The lowest seq waiting for a missing one before it; {@link Long#MAX_VALUE} when none. */
  synchronized long firstWaiting() {
    return held.isEmpty() || next == 0 ? Long.MAX_VALUE : held.firstKey();
  }

  synchronized boolean started() {
    return next != 0;
  }

  /** The newest seq that went out (0 before the first). */
  synchronized long position() {
    return next == 0 ? 0 : next - 1;
  }

  /**
   * When {@link #position()}{@code + 1} has been missing while later seqs wait, in {@link
   * System#nanoTime()}; {@link Long#MAX_VALUE} when nothing waits.
   */
  synchronized long missingSince() {
    return held.isEmpty() || next == 0 ? Long.MAX_VALUE : missingSinceNanos;
  }

  /** Held back, waiting for a lower seq (for metrics and tests). */
  synchronized int waiting() {
    return held.size();
  }
}
