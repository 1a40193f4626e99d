package com.signalhub.stream.control;

import com.signalhub.auth.control.TokenRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks over the open sessions every {@code signalhub.stream.watch-interval-ms} (1 s): closes those
 * whose token was revoked or expired (1008, on whichever instance revoked it: the store is the
 * database), pings each every {@code ping-interval-ms} and closes one whose pong does not come
 * within {@code pong-timeout-ms} (1001), cuts connections whose close handshake did not end, and
 * gives back places of upgrades that never opened.
 */
@Singleton
@Startup
public class SessionWatch {

  private static final Logger LOG = Logger.getLogger(SessionWatch.class.getName());

  @Resource TimerService timers;

  @Inject Connections connections;

  @Inject SessionLimits limits;

  @Inject TokenRegistry tokens;

  @Inject
  @ConfigProperty(name = "signalhub.stream.watch-interval-ms", defaultValue = "1000")
  long watchIntervalMs;

  @Inject
  @ConfigProperty(name = "signalhub.stream.ping-interval-ms", defaultValue = "25000")
  long pingIntervalMs;

  @Inject
  @ConfigProperty(name = "signalhub.stream.pong-timeout-ms", defaultValue = "10000")
  long pongTimeoutMs;

  private boolean storeDown;

  @PostConstruct
  void start() {
    timers.createIntervalTimer(
        watchIntervalMs, watchIntervalMs, new TimerConfig("session-watch", false));
  }

  @Timeout
  void watch() {
    closeWithdrawnTokens();
    checkLiveness();
    connections.abortUnfinishedCloses(System.nanoTime());
    limits.releaseUnclaimed();
  }

  private void closeWithdrawnTokens() {
    Set<String> names = connections.tokenNames();
    if (names.isEmpty()) {
      return;
    }
    try {
      Set<String> withdrawn = tokens.withdrawn(names);
      if (!withdrawn.isEmpty()) {
        LOG.log(Level.INFO, "Closing the sessions of revoked or expired token(s) {0}", withdrawn);
        connections.dropTokens(
            withdrawn, new CloseReason(CloseCodes.VIOLATED_POLICY, "token revoked or expired"));
      }
      storeDown = false;
    } catch (RuntimeException e) {
      if (!storeDown) { // once per outage, not once a second
        LOG.log(Level.WARNING, "Token store unavailable: revocations wait until it is back", e);
      }
      storeDown = true;
    }
  }

  private void checkLiveness() {
    long now = System.nanoTime();
    long interval = TimeUnit.MILLISECONDS.toNanos(pingIntervalMs);
    long timeout = TimeUnit.MILLISECONDS.toNanos(pongTimeoutMs);
    for (Subscriber subscriber : connections.all()) {
      if (subscriber.silentFor(timeout, now)) {
        connections.drop(
            subscriber.session(),
            new CloseReason(
                CloseCodes.GOING_AWAY, "no pong within " + pongTimeoutMs + " ms: presumed dead"));
      } else if (subscriber.pingDue(interval, now)) {
        subscriber.pinged(now);
        try {
          subscriber.session().getAsyncRemote().sendPing(ByteBuffer.allocate(0));
        } catch (IOException | RuntimeException e) {
          LOG.log(Level.FINE, "Ping failed", e);
        }
      }
    }
  }
}
