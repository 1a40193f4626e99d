package com.signalhub.fanout.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.signalhub.fanout.entity.Disconnect;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine with its shard threads running, as the application runs it. */
class FanOutTest {

  private final FanOut fanOut = new FanOut();
  private final Object intakeLock = new Object(); // as the intake: seq allocated and handed over
  private long seq;

  @BeforeEach
  void start() {
    FanOutSettings settings = new FanOutSettings();
    settings.shards = 3;
    settings.ringSize = 4096;
    settings.maxRoundBytes = 65536;
    settings.maxQueuedFrames = 100_000;
    settings.maxQueuedBytes = 1L << 30;
    settings.pingIntervalMs = 25_000;
    settings.pongTimeoutMs = 10_000;
    settings.watchIntervalMs = 1_000;
    fanOut.start(settings, Thread::new, Runnable::run, Meters.NONE, ReadLag.NONE);
  }

  @AfterEach
  void stop() {
    fanOut.stop();
  }

  private void publish() {
    synchronized (intakeLock) {
      long s = ++seq;
      fanOut.publish(s, "{\"seq\":" + s + "}", System.nanoTime());
    }
  }

  @Test
  void everyConnectionOfEveryShardGetsEverySignalOnceInSeqOrderFromManyPublishers()
      throws Exception {
    List<RecordingSink> sinks = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      RecordingSink sink = RecordingSink.completing();
      sinks.add(sink);
      fanOut.open(new FakePeer("c" + i), sink, "bot", false);
    }
    int publishers = 4;
    int each = 500;
    CyclicBarrier start = new CyclicBarrier(publishers);
    ExecutorService pool = Executors.newFixedThreadPool(publishers);
    List<Future<?>> done = new ArrayList<>();
    for (int p = 0; p < publishers; p++) {
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < each; i++) {
                  publish();
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    List<String> expected =
        IntStream.rangeClosed(1, publishers * each).mapToObj(i -> "{\"seq\":" + i + "}").toList();
    for (RecordingSink sink : sinks) {
      assertTrue(sink.awaitFrames(expected.size(), 30_000), "every frame arrives");
      assertEquals(expected, sink.frames());
      assertTrue(sink.writes() <= expected.size(), "never more writes than frames");
    }
  }

  @Test
  void connectionsAreDealtToTheShardsInTurn() {
    for (int i = 0; i < 7; i++) {
      fanOut.open(new FakePeer("c" + i), RecordingSink.completing(), "bot", false);
    }
    assertArrayEquals(new int[] {3, 2, 2}, fanOut.shardSizes());
  }

  @Test
  void aDroppedConnectionIsToldWhyOnceAndGetsNothingMore() throws Exception {
    RecordingSink sink = RecordingSink.completing();
    FakePeer peer = new FakePeer("x");
    Connection connection = fanOut.open(peer, sink, "bot", false);
    RecordingSink other = RecordingSink.completing();
    fanOut.open(new FakePeer("y"), other, "bot", false);
    publish();
    assertTrue(sink.awaitFrames(1, 10_000));
    fanOut.drop(connection, Disconnect.ADMIN.ending());
    fanOut.drop(connection, Disconnect.TOKEN_WITHDRAWN.ending());
    assertEquals(1, peer.endings.size());
    assertEquals("disconnected by an administrator", peer.endings.get(0).reason());
    assertFalse(fanOut.byId("x").isPresent());
    publish();
    assertTrue(other.awaitFrames(2, 10_000));
    assertEquals(1, sink.frames().size(), "nothing after the close");
  }

  @Test
  void aTokensConnectionsAreDroppedTogether() {
    FakePeer a = new FakePeer("a");
    FakePeer b = new FakePeer("b");
    FakePeer c = new FakePeer("c");
    fanOut.open(a, RecordingSink.completing(), "bot-1", false);
    fanOut.open(b, RecordingSink.completing(), "bot-1", false);
    fanOut.open(c, RecordingSink.completing(), "bot-2", false);
    fanOut.dropTokens(java.util.Set.of("bot-1"), Disconnect.TOKEN_WITHDRAWN.ending());
    assertEquals(1, a.endings.size());
    assertEquals(1, b.endings.size());
    assertTrue(c.endings.isEmpty());
    assertEquals(1, fanOut.size());
  }
}
