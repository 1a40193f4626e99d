package com.signalhub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoopTest {

  private final AtomicReference<Thread> made = new AtomicReference<>();

  private final ManagedThreadFactory threads =
      new ManagedThreadFactory() {
        @Override
        public Thread newThread(Runnable task) {
          Thread thread = new Thread(task);
          made.set(thread);
          return thread;
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
          throw new UnsupportedOperationException();
        }
      };

  @Test
  void runsItsStepAgainUntilStoppedAndInterruptsAStepThatWaits() throws Exception {
    BlockingQueue<String> in = new LinkedBlockingQueue<>();
    BlockingQueue<String> out = new LinkedBlockingQueue<>();
    Loop loop = new Loop("loop-test");
    loop.start(
        threads,
        () -> {
          try {
            out.add("waiting"); // past the loop's running check, about to wait
            out.add(in.take());
          } catch (InterruptedException e) {
            out.add("interrupted");
          }
        });
    assertEquals("loop-test", made.get().getName());
    in.add("one");
    in.add("two");
    for (String expected : List.of("waiting", "one", "waiting", "two", "waiting")) {
      assertEquals(expected, out.poll(10, TimeUnit.SECONDS));
    }
    assertTrue(loop.running());

    loop.stop();
    assertEquals("interrupted", out.poll(10, TimeUnit.SECONDS));
    made.get().join(10_000);
    assertFalse(made.get().isAlive(), "the thread ends once stopped");
    assertFalse(loop.running());
  }

  @Test
  void aPauseCutShortByAnInterruptKeepsItForTheCaller() {
    Thread.currentThread().interrupt();
    long start = System.nanoTime();
    Loop.pause(60_000);
    assertTrue(Thread.interrupted(), "the interrupt is kept");
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "it did not wait");
  }
}
