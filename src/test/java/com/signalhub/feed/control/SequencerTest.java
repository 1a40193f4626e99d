package com.signalhub.feed.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SequencerTest {

  private final List<Long> out = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger gaps = new AtomicInteger();
  private final Sequencer sequencer =
      new Sequencer((seq, json, nanos) -> out.add(seq), gaps::incrementAndGet, 1_000);

  private void offer(long... seqs) {
    for (long seq : seqs) {
      sequencer.offer(seq, "{\"seq\":" + seq + "}", 0, 0);
    }
  }

  @Test
  void inOrderGoesStraightThrough() {
    sequencer.startAfter(10, 0);
    offer(11, 12, 13);
    assertEquals(List.of(11L, 12L, 13L), out);
    assertEquals(13, sequencer.position());
    assertEquals(Long.MAX_VALUE, sequencer.missingSince());
    assertEquals(0, gaps.get(), "no gap announced");
  }

  @Test
  void aLaterSeqWaitsForTheMissingOneAndTheGapIsTimedFromWhenItOpened() {
    sequencer.startAfter(10, 0);
    sequencer.offer(13, "13", 0, 100);
    sequencer.offer(12, "12", 0, 200); // the same gap (11): its clock does not restart
    assertEquals(List.of(), out);
    assertEquals(100, sequencer.missingSince());
    assertEquals(2, sequencer.waiting());
    assertEquals(1, gaps.get(), "one gap, announced once");
    offer(11);
    assertEquals(List.of(11L, 12L, 13L), out);
    assertEquals(Long.MAX_VALUE, sequencer.missingSince());
  }

  @Test
  void aNewGapAfterAFilledOneGetsItsOwnClock() {
    sequencer.startAfter(0, 0);
    sequencer.offer(2, "2", 0, 100);
    sequencer.offer(4, "4", 0, 150);
    sequencer.offer(1, "1", 0, 300); // 1, 2 out; now 3 is missing
    assertEquals(List.of(1L, 2L), out);
    assertEquals(300, sequencer.missingSince());
    assertEquals(2, gaps.get(), "the gap at 1, then the one at 3");
  }

  @Test
  void duplicatesAndSeqsAlreadyOutAreDropped() {
    sequencer.startAfter(0, 0);
    offer(1, 1, 3, 3, 2, 2, 1);
    assertEquals(List.of(1L, 2L, 3L), out);
  }

  @Test
  void whatCameBeforeTheStartIsHistoryAndWhatArrivedBeforeItIsKept() {
    offer(5, 7, 6); // before the start: held
    sequencer.startAfter(5, 0); // 5 was stored before: history, served by replay
    assertEquals(List.of(6L, 7L), out);
  }

  @Test
  void heardBeforeTheStartWithASeqMissingBetweenIsAGapTimedFromTheStart() {
    offer(8); // another instance's, before this one knew where it starts
    sequencer.startAfter(5, 700); // 6 and 7 are missing
    assertEquals(List.of(), out);
    assertEquals(700, sequencer.missingSince());
    assertEquals(1, gaps.get(), "announced, so its fill is scheduled");
  }

  @Test
  void pastItsBoundTheNewestWaitingAreLetGoForTheDatabaseToGiveBack() {
    Sequencer small = new Sequencer((seq, json, nanos) -> out.add(seq), gaps::incrementAndGet, 2);
    small.startAfter(0, 0);
    for (long seq = 2; seq <= 5; seq++) {
      small.offer(seq, "", 0, 0);
    }
    assertEquals(2, small.waiting());
    small.offer(1, "", 0, 0);
    assertEquals(List.of(1L, 2L, 3L), out, "4 and 5 come back from the database");
    assertEquals(3, small.position());
  }

  @Test
  void manyThreadsInAnyOrderGiveEverySeqOnceInOrder() throws Exception {
    Sequencer sequencer =
        new Sequencer((seq, json, nanos) -> out.add(seq), gaps::incrementAndGet, 100_000);
    sequencer.startAfter(0, 0);
    List<Long> seqs = new ArrayList<>(LongStream.rangeClosed(1, 20_000).boxed().toList());
    Collections.shuffle(seqs, new Random(7));
    seqs.addAll(seqs.subList(0, 5_000)); // and duplicates, as a grid event and a database fill
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int from = t;
      pool.execute(
          () -> {
            for (int i = from; i < seqs.size(); i += threads) {
              sequencer.offer(seqs.get(i), "", 0, 0);
            }
            done.countDown();
          });
    }
    assertTrue(done.await(30, TimeUnit.SECONDS));
    pool.shutdown();
    assertEquals(20_000, out.size());
    assertTrue(
        out.equals(LongStream.rangeClosed(1, 20_000).boxed().toList()), "1 to 20,000 in order");
  }
}
