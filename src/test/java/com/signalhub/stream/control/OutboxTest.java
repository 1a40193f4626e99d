package com.signalhub.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
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

  private final AtomicReference<CloseReason> failure = new AtomicReference<>();

  private Outbox outbox(FakeRemote remote, int capacity) {
    return new Outbox(remote, capacity, Long.MAX_VALUE, (outbox, reason) -> failure.set(reason));
  }

  @Test
  void sendsOneAtATimeInOfferOrder() {
    FakeRemote remote = new FakeRemote(false);
    Outbox outbox = outbox(remote, 10);
    outbox.offer("a");
    outbox.offer("b");
    outbox.offer("c");
    assertEquals(List.of("a"), remote.sent, "second send must wait for the first to complete");
    remote.completePending(true);
    remote.completePending(true);
    remote.completePending(true);
    assertEquals(List.of("a", "b", "c"), remote.sent);
    assertNull(failure.get());
  }

  @Test
  void sendsCompletedOnTheCallersThreadDoNotGrowTheStack() {
    FakeRemote remote = new FakeRemote(true);
    Outbox outbox = outbox(remote, 200_000);
    for (int i = 0; i < 100_000; i++) {
      assertTrue(outbox.offer("frame-" + i));
    }
    assertEquals(100_000, remote.sent.size());
    assertEquals("frame-99999", remote.sent.get(99_999));
  }

  @Test
  void aConnectionTooFarBehindIsDroppedOnceAndSendsNothingMore() {
    FakeRemote remote = new FakeRemote(false); // never completes: a stuck client
    Outbox outbox = outbox(remote, 3);
    assertTrue(outbox.offer("in flight"));
    assertTrue(outbox.offer("1"));
    assertTrue(outbox.offer("2"));
    assertTrue(outbox.offer("3"));
    assertNull(failure.get());
    assertFalse(outbox.offer("4: over the limit"));
    assertEquals(CloseCodes.TRY_AGAIN_LATER, failure.get().getCloseCode());
    failure.set(null);
    assertFalse(outbox.offer("5"));
    assertNull(failure.get(), "failure is reported once");
    assertEquals(List.of("in flight"), remote.sent);
  }

  @Test
  void aConnectionWithTooManyBytesWaitingIsDroppedThoughUnderTheFrameCount() {
    FakeRemote remote = new FakeRemote(false);
    Outbox outbox = new Outbox(remote, 1000, 10, (o, reason) -> failure.set(reason));
    assertTrue(outbox.offer("a")); // in flight: no longer counted
    assertTrue(outbox.offer("12345"));
    assertTrue(outbox.offer("67890"));
    assertEquals(10, outbox.queuedBytes());
    assertFalse(outbox.offer("x"));
    assertEquals(CloseCodes.TRY_AGAIN_LATER, failure.get().getCloseCode());
    assertEquals("too slow: more than 10 bytes queued", failure.get().getReasonPhrase());
    assertEquals(0, outbox.queuedBytes());
  }

  @Test
  void sentFramesAreCountedAndQueuedBytesFallAsTheyGo() {
    FakeRemote remote = new FakeRemote(false);
    Outbox outbox = new Outbox(remote, 1000, 100, (o, reason) -> failure.set(reason));
    outbox.offer("aa");
    outbox.offer("bbb");
    assertEquals(3, outbox.queuedBytes());
    remote.completePending(true);
    assertEquals(0, outbox.queuedBytes());
    remote.completePending(true);
    assertEquals(2, outbox.framesSent());
    assertNull(failure.get());
  }

  @Test
  void aBroadcastIsTimedOnceWhenItsLastSessionHasSentIt() {
    List<Long> recorded = new ArrayList<>();
    Delivery delivery = new Delivery(System.nanoTime(), recorded::add);
    FakeRemote fast = new FakeRemote(true);
    FakeRemote slow = new FakeRemote(false);
    delivery.expect();
    new Outbox(fast, 10, 1000, (o, r) -> {}).offer(WireFrame.of("f"), delivery);
    delivery.expect();
    new Outbox(slow, 10, 1000, (o, r) -> {}).offer(WireFrame.of("f"), delivery);
    delivery.done(); // the broadcaster has offered it to every session
    assertTrue(recorded.isEmpty(), "one session has not sent it yet");
    slow.completePending(true);
    assertEquals(1, recorded.size());
    assertTrue(recorded.get(0) >= 0);
  }

  @Test
  void aSessionThatFailsStillLetsTheBroadcastComplete() {
    List<Long> recorded = new ArrayList<>();
    Delivery delivery = new Delivery(System.nanoTime(), recorded::add);
    FakeRemote stuck = new FakeRemote(false);
    Outbox outbox = new Outbox(stuck, 10, 1000, (o, r) -> {});
    outbox.offer("in flight");
    delivery.expect();
    outbox.offer(WireFrame.of("waiting"), delivery);
    delivery.done();
    stuck.completePending(false);
    assertEquals(1, recorded.size(), "dropped with the failed session, not left pending");
  }

  @Test
  void aBroadcastToNoSessionIsNotTimed() {
    List<Long> recorded = new ArrayList<>();
    new Delivery(System.nanoTime(), recorded::add).done();
    assertTrue(recorded.isEmpty());
  }

  @Test
  void aFailedSendDropsTheConnection() {
    FakeRemote remote = new FakeRemote(false);
    Outbox outbox = outbox(remote, 10);
    outbox.offer("a");
    outbox.offer("b");
    remote.completePending(false);
    assertEquals(CloseCodes.GOING_AWAY, failure.get().getCloseCode());
    assertEquals(List.of("a"), remote.sent);
    assertFalse(outbox.offer("c"));
  }

  @Test
  void aSealedOutboxSendsNothingMoreAndLetsItsQueueGo() {
    List<Long> recorded = new ArrayList<>();
    Delivery delivery = new Delivery(System.nanoTime(), recorded::add);
    FakeRemote remote = new FakeRemote(false);
    Outbox outbox = outbox(remote, 10);
    outbox.offer("in flight");
    delivery.expect();
    outbox.offer(WireFrame.of("waiting"), delivery);
    delivery.done();
    assertTrue(outbox.seal());
    assertFalse(outbox.seal(), "once");
    assertEquals(1, recorded.size(), "the broadcast is not left waiting for a sealed outbox");
    assertEquals(0, outbox.queuedFrames());
    remote.completePending(true);
    assertFalse(outbox.offer("after"));
    assertEquals(List.of("in flight"), remote.sent);
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
    Semaphore sent = new Semaphore(0);
    FrameSink sink =
        new FrameSink() {
          @Override
          public void send(WireFrame frame, Consumer<Throwable> done) {
            if (!inFlight.compareAndSet(false, true)) {
              overlaps.incrementAndGet();
            }
            String[] parts = frame.text().split(":");
            int n = Integer.parseInt(parts[1]);
            received.computeIfAbsent(Integer.parseInt(parts[0]), t -> new ArrayList<>()).add(n);
            Runnable complete =
                () -> {
                  inFlight.set(false);
                  done.accept(null);
                  sent.release();
                };
            if (n % 3 == 0) { // a mix of inline and later completions, as a container does
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
    Outbox outbox = new Outbox(sink, Integer.MAX_VALUE, Long.MAX_VALUE, (o, r) -> failure.set(r));
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
                      outbox.offer(thread + ":" + i);
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
  void aSinkThatThrowsDropsTheConnectionAndLetsEveryBroadcastGo() {
    List<Long> recorded = new ArrayList<>();
    FrameSink throwing =
        new FrameSink() {
          @Override
          public void send(WireFrame frame, Consumer<Throwable> done) {
            throw new IllegalStateException("connection gone");
          }

          @Override
          public String path() {
            return "fake";
          }
        };
    Outbox outbox = new Outbox(throwing, 10, Long.MAX_VALUE, (o, reason) -> failure.set(reason));
    Delivery delivery = new Delivery(System.nanoTime(), recorded::add);
    delivery.expect();
    assertTrue(outbox.offer(WireFrame.of("a"), delivery));
    delivery.done();
    assertEquals(CloseCodes.GOING_AWAY, failure.get().getCloseCode());
    assertEquals(1, recorded.size(), "the broadcast is not left waiting");
    assertFalse(outbox.offer("b"));
  }

  @Test
  void framesOfferedWhileASendFailsAreAllLetGoAndNothingIsLeftQueued() throws Exception {
    FakeRemote remote = new FakeRemote(false);
    Outbox outbox = outbox(remote, 10_000);
    outbox.offer("in flight");
    AtomicInteger reported = new AtomicInteger();
    int offers = 2_000;
    Delivery delivery = new Delivery(System.nanoTime(), nanos -> reported.incrementAndGet());
    ExecutorService broadcaster = Executors.newSingleThreadExecutor();
    CountDownLatch started = new CountDownLatch(1);
    Future<?> offering =
        broadcaster.submit(
            () -> {
              for (int i = 0; i < offers; i++) {
                delivery.expect();
                outbox.offer(WireFrame.of("f" + i), delivery);
                started.countDown();
              }
              delivery.done();
            });
    try {
      assertTrue(started.await(10, TimeUnit.SECONDS));
      remote.completePending(false); // the client is gone while the broadcast goes on
      offering.get(10, TimeUnit.SECONDS);
    } finally {
      broadcaster.shutdownNow();
    }
    assertEquals(1, reported.get(), "every offer reported, so the broadcast completed once");
    assertEquals(0, outbox.queuedFrames());
    assertEquals(0, outbox.queuedBytes());
    assertEquals(List.of("in flight"), remote.sent);
  }

  /** Records sends; completes each inline or when told to. */
  static final class FakeRemote implements FrameSink {
    final List<String> sent = new ArrayList<>();
    private final boolean completeInline;
    private final List<Consumer<Throwable>> pending = new ArrayList<>();

    FakeRemote(boolean completeInline) {
      this.completeInline = completeInline;
    }

    @Override
    public void send(WireFrame frame, Consumer<Throwable> done) {
      sent.add(frame.text());
      if (completeInline) {
        done.accept(null);
      } else {
        pending.add(done);
      }
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
