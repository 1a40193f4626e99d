package com.signalhub.ingest.boundary;

import com.signalhub.ingest.control.PriceWalk;
import com.signalhub.signal.control.SignalIntake;
import com.signalhub.signal.entity.Provenance;
import com.signalhub.signal.entity.SignalSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Simulated signals on an EJB timer, for trying the service out. Off unless {@code
 * signalhub.simulator.enabled=true} (the local run switches it on).
 */
@Singleton
@Startup
public class SignalSimulator {

  private static final Logger LOG = Logger.getLogger(SignalSimulator.class.getName());

  @Resource TimerService timers;

  @Inject SignalIntake intake;

  @Inject
  @ConfigProperty(name = "signalhub.simulator.enabled", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "signalhub.simulator.symbols", defaultValue = "BTCUSDT,ETHUSDT")
  List<String> symbols;

  @Inject
  @ConfigProperty(name = "signalhub.simulator.interval-ms", defaultValue = "2000")
  long intervalMs;

  private PriceWalk walk;

  @PostConstruct
  void start() {
    if (!enabled) {
      return;
    }
    walk = new PriceWalk(symbols, new Random());
    timers.createIntervalTimer(intervalMs, intervalMs, new TimerConfig("signal-simulator", false));
    LOG.log(
        Level.INFO, "Simulating signals for {0} every {1} ms", new Object[] {symbols, intervalMs});
  }

  @Timeout
  void tick() {
    try {
      intake.accept(walk.next(), Provenance.of(SignalSource.TIMER, "simulator"));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Simulated signal refused", e);
    }
  }
}
