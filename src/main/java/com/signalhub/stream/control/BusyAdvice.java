package com.signalhub.stream.control;

import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;

/**
 * How long a client refused in a connect storm is asked to wait ({@code Retry-After}): long enough
 * for this instance to admit the crowd already refused — the last second's refusals over its
 * admissions, at least 1 s, at most {@code maxSeconds} — and drawn at random within that span (full
 * jitter on the server's side), so a crowd told to come back does not come back as one. A fixed
 * second brought 10,000 clients back every second, and answering them took the CPU the upgrades
 * needed.
 */
public final class BusyAdvice {

  private final int maxSeconds;
  private final IntUnaryOperator random; // bound -> [0, bound)
  private long second = Long.MIN_VALUE;
  private int refused;
  private int admitted;
  private int refusedBefore;
  private int admittedBefore;

  public BusyAdvice(int maxSeconds, IntUnaryOperator random) {
    this.maxSeconds = maxSeconds;
    this.random = random;
  }

  public synchronized void admitted(long nowNanos) {
    roll(nowNanos);
    admitted++;
  }

  /** Counts a refusal and returns its Retry-After, in seconds. */
  public synchronized int refused(long nowNanos) {
    roll(nowNanos);
    refused++;
    int span = (int) Math.max(1, Math.min(maxSeconds, ceilDiv(refusedBefore, admittedBefore)));
    return 1 + random.applyAsInt(span);
  }

  private void roll(long nowNanos) {
    long now = TimeUnit.NANOSECONDS.toSeconds(nowNanos);
    if (now != second) {
      boolean next = now == second + 1;
      refusedBefore = next ? refused : 0;
      admittedBefore = next ? admitted : 0;
      refused = 0;
      admitted = 0;
      second = now;
    }
  }

  private static long ceilDiv(int a, int b) {
    return b <= 0 ? a : (a + (long) b - 1) / b;
  }
}
