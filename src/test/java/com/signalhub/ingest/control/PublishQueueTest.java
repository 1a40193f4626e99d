package com.signalhub.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class PublishQueueTest {

  /** Holds what it is given until the test runs it: a publish "waiting for the intake". */
  private final Queue<Runnable> held = new ArrayDeque<>();

  private final List<String> ran = new ArrayList<>();

  private final PublishQueue<String> queue = new PublishQueue<>(held::add, 2);

  @Test
  void runsAtOnceOnTheCallersThreadWhenNothingIsPending() {
    assertTrue(queue.offer("a", () -> ran.add("a")));
    assertTrue(queue.offer("b", () -> ran.add("b")));
    assertEquals(List.of("a", "b"), ran);
    assertTrue(held.isEmpty());
    assertEquals(0, queue.pending());
  }

  @Test
  void queuesBehindOneRunningAndRefusesPastTheBound() {
    assertTrue(
        queue.offer(
            "a",
            () -> {
              ran.add("a");
              assertTrue(queue.offer("b", () -> ran.add("b")));
              assertFalse(queue.offer("c", () -> ran.add("c")));
              assertEquals(2, queue.pending());
            }));
    assertEquals(1, queue.pending());
    runHeld();
    assertEquals(List.of("a", "b"), ran);
    assertEquals(0, queue.pending());
  }

  @Test
  void aFinishedPublishMakesRoomEvenWhenItFailed() {
    assertThrows(
        IllegalStateException.class,
        () ->
            queue.offer(
                "failing at once",
                () -> {
                  throw new IllegalStateException("database down");
                }));
    assertEquals(0, queue.pending());
    assertTrue(
        queue.offer(
            "a",
            () -> {
              ran.add("a");
              assertTrue(
                  queue.offer(
                      "failing",
                      () -> {
                        throw new IllegalStateException("database down");
                      }));
              assertFalse(queue.offer("refused", () -> ran.add("refused")));
            }));
    assertThrows(IllegalStateException.class, () -> held.remove().run());
    assertEquals(0, queue.pending());
    assertTrue(queue.offer("next", () -> ran.add("next")));
    assertEquals(List.of("a", "next"), ran);
  }

  @Test
  void aWithdrawnPublishNeverRunsAndOneStartedIsNotWithdrawn() {
    PublishQueue<String> three = new PublishQueue<>(held::add, 3);
    List<List<String>> withdrawnWhileRunning = new ArrayList<>();
    three.offer(
        "inline",
        () -> {
          ran.add("inline");
          three.offer(
              "running",
              () -> {
                ran.add("running");
                withdrawnWhileRunning.add(three.withdrawNotStarted());
              });
          three.offer("waiting", () -> ran.add("waiting"));
        });
    held.remove().run(); // "running" starts, and the application stops meanwhile
    assertEquals(List.of(List.of("waiting")), withdrawnWhileRunning);
    runHeld(); // the executor still runs what it had queued
    assertEquals(List.of("inline", "running"), ran);
    assertEquals(List.of(), three.withdrawNotStarted());
    assertEquals(0, three.pending());
  }

  @Test
  void anExecutorThatRefusesLeavesNothingPending() {
    PublishQueue<String> stopping =
        new PublishQueue<>(
            task -> {
              throw new RejectedExecutionException("shutting down");
            },
            2);
    stopping.offer(
        "inline",
        () -> {
          assertFalse(stopping.offer("x", () -> ran.add("x")));
          assertEquals(1, stopping.pending());
        });
    assertEquals(0, stopping.pending());
    assertEquals(List.of(), stopping.withdrawNotStarted());
    assertTrue(ran.isEmpty());
  }

  @Test
  void aBoundBelowOneIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new PublishQueue<String>(held::add, 0));
  }

  private void runHeld() {
    while (!held.isEmpty()) {
      held.remove().run();
    }
  }
}
