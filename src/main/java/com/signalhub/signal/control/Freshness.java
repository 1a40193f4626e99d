package com.signalhub.signal.control;

import com.signalhub.signal.entity.StaleSignalException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Trading signals go stale: refuses a timestamp too far behind (or ahead of) the server's clock.
 */
@ApplicationScoped
public class Freshness {

  @Inject
  @ConfigProperty(name = "signalhub.signal.max-lag-seconds", defaultValue = "60")
  long maxLagSeconds;

  @Inject
  @ConfigProperty(name = "signalhub.signal.max-ahead-seconds", defaultValue = "60")
  long maxAheadSeconds;

  /**
   * @throws StaleSignalException when {@code timestamp} is outside the accepted window around now
   */
  public void check(long timestamp, Instant now) {
    long lag = now.getEpochSecond() - timestamp;
    if (lag > maxLagSeconds) {
      throw new StaleSignalException(
          "signal is stale: timestamp is " + lag + " s old, the limit is " + maxLagSeconds + " s");
    }
    if (-lag > maxAheadSeconds) {
      throw new StaleSignalException(
          "timestamp is " + -lag + " s in the future, the limit is " + maxAheadSeconds + " s");
    }
  }
}
