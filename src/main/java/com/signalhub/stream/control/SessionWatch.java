package com.signalhub.stream.control;

import com.signalhub.auth.entity.TokensWithdrawn;
import com.signalhub.fanout.control.FanOut;
import com.signalhub.fanout.entity.Disconnect;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes the sessions of tokens the token store withdrew (revoked or expired, on whichever
 * instance: 1008), and every few seconds gives back the places of upgrades that never opened.
 * Pings, dead connections and unfinished closes are the fan-out shards' own work.
 */
@Singleton
@Startup
public class SessionWatch {

  private static final Logger LOG = Logger.getLogger(SessionWatch.class.getName());
  private static final long SWEEP_INTERVAL_MS = 5_000;

  @Resource TimerService timers;

  @Inject FanOut fanOut;

  @Inject SessionLimits limits;

  @PostConstruct
  void start() {
    timers.createIntervalTimer(
        SWEEP_INTERVAL_MS, SWEEP_INTERVAL_MS, new TimerConfig("admission-sweep", false));
  }

  @Timeout
  void sweep() {
    limits.releaseUnclaimed();
  }

  public void onWithdrawn(@Observes TokensWithdrawn withdrawn) {
    LOG.log(
        Level.INFO, "Closing the sessions of revoked or expired token(s) {0}", withdrawn.names());
    fanOut.dropTokens(withdrawn.names(), Disconnect.TOKEN_WITHDRAWN.ending());
  }
}
