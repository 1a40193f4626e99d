package com.signalhub.auth.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets one caller per token and period record the token's last use. A check-then-write let every
 * upgrade that arrived together write the same row: at 500 connects/s with one token, concurrent
 * updates queued on the database's row lock until some timed out and their upgrades were refused
 * (503).
 */
final class LastUseThrottle {

  private final Duration period;
  private final Map<String, Instant> written = new ConcurrentHashMap<>();

  LastUseThrottle(Duration period) {
    this.period = period;
  }

  /** True for exactly one caller per token and period: that one writes the last use. */
  boolean claim(String tokenName, Instant now) {
    Instant last = written.get(tokenName);
    if (last == null) {
      return written.putIfAbsent(tokenName, now) == null;
    }
    return last.plus(period).isBefore(now) && written.replace(tokenName, last, now);
  }
}
