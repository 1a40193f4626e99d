package com.signalhub.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BusyAdviceTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  /* The largest draw: Retry-After is then the whole span. */
  private final BusyAdvice advice = new BusyAdvice(30, bound -> bound - 1);

  @Test
  void withNothingBeforeAClientIsToldOneSecond() {
    assertEquals(1, advice.refused(10 * SECOND));
  }

  @Test
  void theSpanIsTheLastSecondsRefusalsOverItsAdmissions() {
    for (int i = 0; i < 2_000; i++) {
      advice.refused(10 * SECOND);
    }
    for (int i = 0; i < 100; i++) {
      advice.admitted(10 * SECOND + i);
    }
    assertEquals(
        20, advice.refused(11 * SECOND), "2,000 refused / 100 admitted: 20 s to spread over");
  }

  @Test
  void theSpanIsBoundedAndAQuietSecondStartsAfresh() {
    for (int i = 0; i < 5_000; i++) {
      advice.refused(10 * SECOND); // none admitted
    }
    assertEquals(30, advice.refused(11 * SECOND), "at most the configured maximum");
    assertEquals(1, advice.refused(13 * SECOND), "second 12 refused nothing");
  }

  @Test
  void eachClientDrawsItsOwnTimeWithinTheSpan() {
    BusyAdvice drawn = new BusyAdvice(30, bound -> 0); // the smallest draw
    for (int i = 0; i < 2_000; i++) {
      drawn.refused(10 * SECOND);
    }
    drawn.admitted(10 * SECOND);
    assertEquals(1, drawn.refused(11 * SECOND));
  }
}
