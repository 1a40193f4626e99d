package com.signalhub.platform;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Log lines that come in bursts, one per connection (opened, closed, dropped): at most {@code
 * perSecond} of them a second; past that they are counted, and the first line of a later second
 * says how many were left out. A reconnect storm of 10,000 clients would otherwise write 10,000
 * lines in seconds, and writing them cost ~6 % of the CPU of such a storm (bench/RESULTS.md); the
 * metrics count every one.
 */
public final class ThrottledLog {

  private final Logger logger;
  private final String what;
  private final int perSecond;
  private long second;
  private int logged;
  private int leftOut;

  /**
   * @param what the kind of line, for the summary ("connection opened")
   */
  public ThrottledLog(Logger logger, String what, int perSecond) {
    this.logger = logger;
    this.what = what;
    this.perSecond = perSecond;
  }

  public void log(Level level, String message, Object... params) {
    if (!logger.isLoggable(level)) {
      return;
    }
    long now = System.nanoTime() / 1_000_000_000L;
    int left;
    boolean log;
    synchronized (this) {
      left = 0;
      if (now != second) {
        left = leftOut;
        second = now;
        logged = 0;
        leftOut = 0;
      }
      log = ++logged <= perSecond;
      if (!log) {
        leftOut++;
      }
    }
    if (left > 0) {
      logger.log(
          level,
          "{0} more \"{1}\" lines left out of the log (at most {2} a second)",
          new Object[] {String.valueOf(left), what, String.valueOf(perSecond)});
    }
    if (log) {
      logger.log(level, message, params);
    }
  }
}
