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
    int[] asked = new int[1];
    BusyAdvice drawn = new BusyAdvice(30, bound -> (asked[0] = bound) / 2); // a draw mid-span
    for (int i = 0; i < 2_000; i++) {
      drawn.refused(10 * SECOND);
    }
    for (int i = 0; i < 200; i++) {
      drawn.admitted(10 * SECOND);
    }
    assertEquals(6, drawn.refused(11 * SECOND), "1 + a draw of 5 from [0, 10)");
    assertEquals(10, asked[0], "drawn from a span of 2,000 / 200 = 10 s");
  }
}
