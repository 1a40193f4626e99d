package com.signalhub.fanout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.signalhub.fanout.entity.Disconnect;
import com.signalhub.fanout.entity.Ending;
import com.signalhub.fanout.entity.WireFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutboxTest {

  private final AtomicReference<Ending> failure = new AtomicReference<>();

  private Outbox outbox(FakeRemote remote, int capacity) {
    return new Outbox(remote, capacity, Long.MAX_VALUE, failure::set, frames -> {});
  }

  /** A live frame (counted against the bounds) that reports to {@code delivery}. */
  private static Batch live(String text, Delivery delivery) {
    return Batch.joined(List.of(WireFrame.of(text)), true, delivery);
  }

  private static Batch live(String text) {
    return live(text, Delivery.NONE);
  }

  @Test
  void oneSendAtATimeAndWhatQueuedMeanwhileGoesOutTogetherInOrder() {
    FakeRemote remote = new FakeRemote(false);
    Outbox outbox = outbox(remote, 10);
    outbox.offer(live("a"));
    outbox.offer(live("b"));
    outbox.offer(live("c"));
    assertEquals(List.of(List.of("a")), remote.sends, "the second send waits for the first");
    remote.completePending(true);
    assertEquals(List.of(List.of("a"), List.of("b", "c")), remote.sends, "one write for both");
    remote.completePending(true);
    assertEquals(0, outbox.queuedFrames());
    assertEquals(3, outbox.framesSent());
    assertNull(failure.get());
  }

  @Test
  void sendsCompletedOnTheCallersThreadDoNotGrowTheStack() {
    FakeRemote remote = new FakeRemote(true);
    Outbox outbox = outbox(remote, 200_000);
    for (int i = 0; i < 100_000; i++) {
      assertTrue(outbox.offer(live("frame-" + i)));
    }
    assertEquals(100_000, remote.texts().size());
    assertEquals("frame-99999", remote.texts().get(99_999));
  }

  @Test
  void aConnectionTooFarBehindIsDroppedOnceAndSendsNothingMore() {
    FakeRemote remote = new FakeRemote(false); // never completes: a stuck client
    Outbox outbox = outbox(remote, 3);
    assertTrue(outbox.offer(live("in flight")));
    assertTrue(outbox.offer(live("1")));
    assertTrue(outbox.offer(live("2")));
    assertTrue(outbox.offer(live("3")));
    assertNull(failure.get());
    assertFalse(outbox.offer(live("4: over the limit")));
    assertEquals(Disconnect.TOO_SLOW, failure.get().disconnect());
    assertEquals("too slow: more than 3 frames queued", failure.get().reason());
    failure.set(null);
    assertFalse(outbox.offer(live("5")));
    assertNull(failure.get(), "failure is reported once");
    assertEquals(List.of("in flight"), remote.texts());
  }

  @Test
  void aConnectionWithTooManyBytesWaitingIsDroppedThoughUnderTheFrameCount() {
    FakeRemote remote = new FakeRemote(false);
    Outbox outbox = new Outbox(remote, 1000, 14, failure::set, frames -> {});
    assertTrue(outbox.offer(live("a"))); // in flight: no longer counted
    assertTrue(outbox.offer(live("12345"))); // 7 bytes on the wire
    assertTrue(outbox.offer(live("67890")));
    assertEquals(14, outbox.queuedBytes());
    assertFalse(outbox.offer(live("x")));
    assertEquals("too slow: more than 14 bytes queued", failure.get().reason());
    assertEquals(0, outbox.queuedBytes());
  }

  @Test
  void repliesAndPingsAreNotCountedAgainstTheBounds() {
    FakeRemote remote = new FakeRemote(false);
    Outbox outbox = outbox(remote, 1);
    outbox.offer(live("in flight"));
    for (int i = 0; i < 10; i++) {
      assertTrue(outbox.offer(Batch.of(WireFrame.of("reply " + i))));
      assertTrue(outbox.offer(Batch.ping()));
    }
    assertTrue(outbox.offer(live("live")));
    assertEquals(1, outbox.queuedFrames());
    assertNull(failure.get());
  }

  @Test
  void aRoundIsDoneWhenItsLastConnectionHasSentIt() {
    AtomicInteger completed = new AtomicInteger();
    Delivery delivery = new Delivery(completed::incrementAndGet);
    FakeRemote fast = new FakeRemote(true);
    FakeRemote slow = new FakeRemote(false);
    delivery.expect();
    outbox(fast, 10).offer(live("f", delivery));
    delivery.expect();
    outbox(slow, 10).offer(live("f", delivery));
    delivery.done(); // the shard has offered it to every connection
    assertEquals(0, completed.get(), "one connection has not sent it yet");
    slow.completePending(true);
    assertEquals(1, completed.get());
  }

  @Test
  void aConnectionThatFailsStillLetsTheRoundComplete() {
    AtomicInteger completed = new AtomicInteger();
    Delivery delivery = new Delivery(completed::incrementAndGet);
    FakeRemote stuck = new FakeRemote(false);
    Outbox outbox = outbox(stuck, 10);
    outbox.offer(live("in flight"));
    delivery.expect();
    outbox.offer(live("waiting", delivery));
    delivery.done();
    stuck.completePending(false);
    assertEquals(1, completed.get(), "dropped with the failed connection, not left pending");
  }

  @Test
  void aFailedSendDropsTheConnection() {
    FakeRemote remote = new FakeRemote(false);
    Outbox outbox = outbox(remote, 10);
    outbox.offer(live("a"));
    outbox.offer(live("b"));
    remote.completePending(false);
    assertEquals(Disconnect.SEND_FAILED, failure.get().disconnect());
    assertEquals(List.of("a"), remote.texts());
    assertFalse(outbox.offer(live("c")));
  }

  @Test
  void aSealedOutboxSendsNothingMoreAndLetsItsQueueGo() {
    AtomicInteger completed = new AtomicInteger();
    Delivery delivery = new Delivery(completed::incrementAndGet);
    FakeRemote remote = new FakeRemote(false);
    Outbox outbox = outbox(remote, 10);
    outbox.offer(live("in flight"));
    delivery.expect();
    outbox.offer(live("waiting", delivery));
    delivery.done();
    assertTrue(outbox.seal());
    assertFalse(outbox.seal(), "once");
    assertEquals(1, completed.get(), "the round is not left waiting for a sealed outbox");
    assertEquals(0, outbox.queuedFrames());
    remote.completePending(true);
    assertFalse(outbox.offer(live("after")));
    assertEquals(List.of("in flight"), remote.texts());
    assertNull(failure.get(), "sealing is not a failure: the caller is closing it already");
  }

  @Test
  void framesOfferedFromManyThreadsWhileSendsCompleteElsewhereGoOutOnceInOrderOneAtATime()
      throws Exception {
    int threads = 4;
    int rounds = 5_000;
    int perRound = 5; // per thread: short bursts, so the queue runs dry (where a frame can be lost)
    ExecutorService network = Executors.newSingleThreadExecutor();
    Map<Integer, List<Integer>> received = new ConcurrentHashMap<>();
    AtomicBoolean inFlight = new AtomicBoolean();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger sends = new AtomicInteger();
    Semaphore sent = new Semaphore(0);
    FrameSink sink =
        new FrameSink() {
          @Override
          public void send(List<Batch> batches, Consumer<Throwable> done) {
            if (!inFlight.compareAndSet(false, true)) {
              overlaps.incrementAndGet();
            }
            int[] count = {0};
            batches.forEach(
                batch ->
                    batch.forEachText(
                        text -> {
                          String[] parts = text.split(":");
                          received
                              .computeIfAbsent(Integer.parseInt(parts[0]), t -> new ArrayList<>())
                              .add(Integer.parseInt(parts[1]));
                          count[0]++;
                        }));
            Runnable complete =
                () -> {
                  inFlight.set(false);
                  done.accept(null);
                  sent.release(count[0]);
                };
            if (sends.incrementAndGet() % 3 == 0) { // inline and later completions, as a container
              complete.run();
            } else {
              network.execute(complete);
            }
          }

          @Override
          public String path() {
            return "fake";
          }
        };
    Outbox outbox = new Outbox(sink, Integer.MAX_VALUE, Long.MAX_VALUE, failure::set, f -> {});
    ExecutorService producers = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < rounds; round++) {
        CyclicBarrier start = new CyclicBarrier(threads);
        int first = round * perRound;
        List<Future<?>> offered = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int thread = t;
          offered.add(
              producers.submit(
                  () -> {
                    await(start);
                    for (int i = first; i < first + perRound; i++) {
                      outbox.offer(live(thread + ":" + i));
                    }
                  }));
        }
        for (Future<?> f : offered) {
          f.get(10, TimeUnit.SECONDS); // a producer's failure, not a timeout below
        }
        assertTrue(
            sent.tryAcquire(threads * perRound, 10, TimeUnit.SECONDS),
            "round " + round + ": a frame was left in the queue");
      }
    } finally {
      producers.shutdownNow();
      network.shutdownNow();
    }
    assertEquals(0, overlaps.get(), "two sends in flight at once");
    for (int t = 0; t < threads; t++) {
      List<Integer> got = received.get(t);
      int firstWrong =
          IntStream.range(0, got.size()).filter(i -> got.get(i) != i).findFirst().orElse(-1);
      assertEquals(
          -1, firstWrong, "thread " + t + "'s frames once each and in order; wrong at index");
      assertEquals(rounds * perRound, got.size());
    }
    assertEquals(threads * rounds * perRound, outbox.framesSent());
    assertEquals(0, outbox.queuedFrames());
    assertNull(failure.get());
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aSinkThatThrowsDropsTheConnectionAndLetsEveryRoundGo() {
    AtomicInteger completed = new AtomicInteger();
    FrameSink throwing =
        new FrameSink() {
          @Override
          public void send(List<Batch> batches, Consumer<Throwable> done) {
            throw new IllegalStateException("connection gone");
          }

          @Override
          public String path() {
            return "fake";
          }
        };
    Outbox outbox = new Outbox(throwing, 10, Long.MAX_VALUE, failure::set, f -> {});
    Delivery delivery = new Delivery(completed::incrementAndGet);
    delivery.expect();
    assertTrue(outbox.offer(live("a", delivery)));
    delivery.done();
    assertEquals(Disconnect.SEND_FAILED, failure.get().disconnect());
    assertEquals(1, completed.get(), "the round is not left waiting");
    assertFalse(outbox.offer(live("b")));
  }

  @Test
  void framesOfferedWhileASendFailsAreAllLetGoAndNothingIsLeftQueued() throws Exception {
    FakeRemote remote = new FakeRemote(false);
    Outbox outbox = outbox(remote, 10_000);
    outbox.offer(live("in flight"));
    AtomicInteger reported = new AtomicInteger();
    int offers = 2_000;
    Delivery delivery = new Delivery(reported::incrementAndGet);
    ExecutorService shard = Executors.newSingleThreadExecutor();
    CountDownLatch started = new CountDownLatch(1);
    Future<?> offering =
        shard.submit(
            () -> {
              for (int i = 0; i < offers; i++) {
                delivery.expect();
                outbox.offer(live("f" + i, delivery));
                started.countDown();
              }
              delivery.done();
            });
    try {
      assertTrue(started.await(10, TimeUnit.SECONDS));
      remote.completePending(false); // the client is gone while the rounds go on
      offering.get(10, TimeUnit.SECONDS);
    } finally {
      shard.shutdownNow();
    }
    assertEquals(1, reported.get(), "every offer reported, so the round completed once");
    assertEquals(0, outbox.queuedFrames());
    assertEquals(0, outbox.queuedBytes());
    assertEquals(List.of("in flight"), remote.texts());
  }

  /** Records sends, each as the texts it carried; completes each inline or when told to. */
  static final class FakeRemote implements FrameSink {
    final List<List<String>> sends = new ArrayList<>();
    private final boolean completeInline;
    private final List<Consumer<Throwable>> pending = new ArrayList<>();

    FakeRemote(boolean completeInline) {
      this.completeInline = completeInline;
    }

    @Override
    public void send(List<Batch> batches, Consumer<Throwable> done) {
      List<String> texts = new ArrayList<>();
      batches.forEach(batch -> batch.forEachText(texts::add));
      sends.add(texts);
      if (completeInline) {
        done.accept(null);
      } else {
        pending.add(done);
      }
    }

    List<String> texts() {
      return sends.stream().flatMap(List::stream).toList();
    }

    @Override
    public String path() {
      return "fake";
    }

    void completePending(boolean ok) {
      pending.remove(0).accept(ok ? null : new java.io.IOException("reset"));
    }
  }
}
