package com.signalhub.stream.control;

/**
 * A token bucket for one connection's inbound messages: {@code perSecond} sustained, bursts of as
 * many. Not thread-safe: a WebSocket endpoint receives one message at a time.
 */
public final class InboundRate {

  private final double perSecond;
  private double tokens;
  private long lastNanos;

  public InboundRate(double perSecond, long nowNanos) {
    this.perSecond = perSecond;
    this.tokens = perSecond;
    this.lastNanos = nowNanos;
  }

  /** Takes one message's token; false when the connection is over its rate. */
  public boolean tryTake(long nowNanos) {
    tokens = Math.min(perSecond, tokens + (nowNanos - lastNanos) / 1e9 * perSecond);
    lastNanos = nowNanos;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
