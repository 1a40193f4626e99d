package com.signalhub.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LastUseThrottleTest {

  private final LastUseThrottle throttle = new LastUseThrottle(Duration.ofMinutes(1));
  private final Instant t0 = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void upgradesArrivingTogetherWriteTheLastUseOnce() throws Exception {
    int callers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      for (int round = 0; round < 200; round++) {
        CyclicBarrier go = new CyclicBarrier(callers);
        Instant now = t0.plus(Duration.ofMinutes(2L * round));
        List<Future<Boolean>> claims = new ArrayList<>();
        Callable<Boolean> claim =
            () -> {
              go.await(10, TimeUnit.SECONDS); // all callers at the gate, then all at once
              return throttle.claim("bots", now);
            };
        for (int i = 0; i < callers; i++) {
          claims.add(pool.submit(claim));
        }
        int writers = 0;
        for (Future<Boolean> f : claims) {
          writers += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertEquals(1, writers, "round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theNextWriteComesOncePastThePeriodAndTokensAreApart() {
    assertTrue(throttle.claim("bots", t0));
    assertFalse(throttle.claim("bots", t0.plusSeconds(60)));
    assertTrue(throttle.claim("desk", t0.plusSeconds(1)));
    assertTrue(throttle.claim("bots", t0.plusSeconds(61)));
    assertFalse(throttle.claim("bots", t0.plusSeconds(62)));
    assertFalse(throttle.claim("bots", t0), "a caller with an older clock reading writes nothing");
  }
}
