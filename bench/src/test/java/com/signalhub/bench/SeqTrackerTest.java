package com.signalhub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class SeqTrackerTest {
  private static BitSet range(int from, int toInclusive) {
    BitSet b = new BitSet();
    b.set(from, toInclusive + 1);
    return b;
  }

  @Test
  void allInOrderIsClean() {
    SeqTracker t = new SeqTracker();
    for (int s = 1; s <= 10; s++) assertTrue(t.record(s));
    assertEquals(0, t.missing(range(1, 10)));
    assertEquals(0, t.duplicates());
    assertEquals(0, t.outOfOrder());
    assertEquals(10, t.distinct());
  }

  @Test
  void countsGapsAsMissing() {
    SeqTracker t = new SeqTracker();
    for (int s : new int[] {1, 2, 5, 6, 9}) t.record(s);
    assertEquals(5, t.missing(range(1, 10))); // 3, 4, 7, 8, 10
    assertEquals(0, t.outOfOrder());
  }

  @Test
  void countsRepeatsAsDuplicatesNotAsNew() {
    SeqTracker t = new SeqTracker();
    t.record(1);
    t.record(2);
    assertFalse(t.record(2));
    assertFalse(t.record(1));
    t.record(3);
    assertFalse(t.record(3));
    assertEquals(3, t.duplicates());
    assertEquals(3, t.distinct());
    assertEquals(0, t.missing(range(1, 3)));
  }

  @Test
  void countsLateArrivalsAsOutOfOrderButNotMissing() {
    SeqTracker t = new SeqTracker();
    for (int s : new int[] {1, 3, 2, 5, 4}) t.record(s);
    assertEquals(2, t.outOfOrder());
    assertEquals(0, t.missing(range(1, 5)));
    assertEquals(0, t.duplicates());
  }

  @Test
  void onlyExpectedSequencesCanBeMissing() {
    BitSet accepted = range(1, 5);
    accepted.clear(3); // its publish failed
    SeqTracker t = new SeqTracker();
    for (int s : new int[] {1, 2, 3, 4}) t.record(s);
    assertEquals(1, t.missing(accepted)); // 5
    assertEquals(1, t.unexpected(accepted)); // 3 arrived although its publish failed
  }

  @Test
  void foreignFramesAreCountedApart() {
    SeqTracker t = new SeqTracker();
    t.foreign();
    t.foreign();
    assertEquals(2, t.foreignFrames());
    assertEquals(0, t.distinct());
  }
}
