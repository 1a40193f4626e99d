package com.signalhub.stream.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InboundRateTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void aBurstUpToTheRateIsAllowedThenRefusedUntilTimeRefillsIt() {
    InboundRate rate = new InboundRate(5, 0);
    for (int i = 0; i < 5; i++) {
      assertTrue(rate.tryTake(0), "message " + i);
    }
    assertFalse(rate.tryTake(0));
    assertFalse(rate.tryTake(SECOND / 10), "half a token after 100 ms");
    assertTrue(rate.tryTake(SECOND / 5), "one token after 200 ms");
    assertFalse(rate.tryTake(SECOND / 5));
  }

  @Test
  void aSteadyRateAtTheLimitIsNeverRefused() {
    InboundRate rate = new InboundRate(5, 0);
    for (int i = 1; i <= 100; i++) {
      assertTrue(rate.tryTake(i * SECOND / 5), "message " + i);
    }
  }
}
