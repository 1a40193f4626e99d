package com.signalhub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HandOverTableTest {
  @Test
  void warmUpSignalsAreThoseScheduledBeforeItEnds() {
    // 5/s with 2 s warm-up: seq 1..10 are at 0.0..1.8 s, seq 11 is at 2.0 s.
    assertEquals(11, HandOverTable.firstMeasuredSeq(5, 2));
    assertEquals(1, HandOverTable.firstMeasuredSeq(5, 0));
    // 1/s with 2.5 s warm-up: seq 1..3 at 0, 1, 2 s; seq 4 at 3 s.
    assertEquals(4, HandOverTable.firstMeasuredSeq(1, 2.5));
    assertEquals(11 - 1 + 50, HandOverTable.totalSignals(5, 2, 10));
  }

  @Test
  void scheduleComesFromTheStartNotFromReplies() {
    assertEquals(1_000, HandOverTable.scheduledAt(1_000, 10, 1));
    assertEquals(1_000 + 100_000_000, HandOverTable.scheduledAt(1_000, 10, 2));
    assertEquals(1_000 + 9_900_000_000L, HandOverTable.scheduledAt(1_000, 10, 100));
    assertEquals(1_000 + 333_333_333, HandOverTable.scheduledAt(1_000, 3, 2));
  }

  @Test
  void latencyIsReceiptMinusIntendedHandOver() {
    HandOverTable t = new HandOverTable(20, 11);
    t.handOver(12, 5_000_000L);
    assertEquals(1_250_000L, t.latency(12, 6_250_000L));
  }

  @Test
  void unknownOrNotHandedOverSignalsHaveNoLatency() {
    HandOverTable t = new HandOverTable(20, 11);
    assertEquals(-1, t.latency(13, 6_250_000L)); // not handed over yet
    assertEquals(-1, t.latency(21, 6_250_000L)); // beyond the run
    assertEquals(-1, t.latency(0, 6_250_000L));
    assertEquals(-1, t.latency(-1, 6_250_000L));
  }

  @Test
  void warmUpIsExcludedFromMeasurement() {
    HandOverTable t = new HandOverTable(20, 11);
    assertFalse(t.measured(10));
    assertTrue(t.measured(11));
    assertTrue(t.measured(20));
    assertFalse(t.measured(21));
  }
}
