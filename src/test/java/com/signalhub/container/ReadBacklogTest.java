package com.signalhub.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadBacklogTest {

  private final ExecutorService worker = Executors.newSingleThreadExecutor();
  private final ReadBacklog backlog = new ReadBacklog();

  @AfterEach
  void stop() {
    worker.shutdownNow();
  }

  @Test
  void nothingIsMeasuredBeforeAPoolIsKnown() {
    assertEquals(0, backlog.nanos());
  }

  @Test
  void aBusyPoolShowsAsTheAgeOfTheProbeStillWaitingAndTheWaitEndsWithTheBacklog() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    worker.execute(() -> await(release)); // the only worker is taken: what queues waits
    backlog.watch(worker);
    backlog.nanos(); // puts the probe in the queue
    long threshold = TimeUnit.MILLISECONDS.toNanos(300);
    assertTrue(waitUntil(() -> backlog.nanos() >= threshold), "the waiting probe's age grows");
    release.countDown();
    assertTrue(
        waitUntil(() -> backlog.nanos() < TimeUnit.MILLISECONDS.toNanos(50)),
        "once the queue is drained, the next probes wait no more: " + backlog.nanos());
  }

  @Test
  void anIdlePoolShowsNoWaitToSpeakOf() throws Exception {
    backlog.watch(worker);
    backlog.nanos();
    CountDownLatch after = new CountDownLatch(1);
    worker.execute(after::countDown);
    assertTrue(after.await(5, TimeUnit.SECONDS));
    assertTrue(backlog.nanos() < TimeUnit.MILLISECONDS.toNanos(250), "" + backlog.nanos());
  }

  /* Polls a figure that only changes with time, within a bound. */
  private static boolean waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
