package com.signalhub.fanout.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.signalhub.fanout.entity.Disconnect;
import com.signalhub.fanout.entity.Ending;
import com.signalhub.fanout.entity.WireFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One shard driven by hand (no thread): rounds, joining, replays, bounds, liveness. */
class ShardTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final FrameRing ring = new FrameRing(8);
  private long readLag;
  private final Map<Connection, Ending> dropped = new ConcurrentHashMap<>();
  private final List<Long> broadcasts = new ArrayList<>();
  private final Shard shard =
      new Shard(
          0,
          ring,
          new Shard.Settings(65536, 25 * SECOND, 10 * SECOND, SECOND),
          (connection, ending) -> {
            dropped.putIfAbsent(connection, ending);
            connection.outbox().seal();
          },
          () -> this.readLag);

  private long seq;

  private void publish(int signals) {
    for (int i = 0; i < signals; i++) {
      long s = ++seq;
      WireFrame frame = WireFrame.shared("{\"seq\":" + s + "}");
      ring.append(index -> new RingFrame(index, s, frame, 0, 1, broadcasts::add));
    }
  }

  private Connection connect(RecordingSink sink, boolean resuming, int maxFrames) {
    return connect(sink, resuming, maxFrames, (c, ending) -> dropped.putIfAbsent(c, ending));
  }

  private Connection connect(
      RecordingSink sink, boolean resuming, int maxFrames, BiConsumer<Connection, Ending> drop) {
    Connection connection =
        new Connection(
            new FakePeer("c" + ring.head()),
            "bot",
            ring.head(),
            sink,
            new Connection.Bounds(maxFrames, Long.MAX_VALUE),
            drop,
            frames -> {});
    shard.add(connection, resuming);
    return connection;
  }

  private static List<String> seqs(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "{\"seq\":" + i + "}").toList();
  }

  @Test
  void everySignalSinceTheLastRoundGoesOutInOneWritePerConnection() {
    RecordingSink a = RecordingSink.completing();
    RecordingSink b = RecordingSink.completing();
    connect(a, false, 1000);
    connect(b, false, 1000);
    shard.step(); // joins
    publish(1);
    shard.step();
    publish(5);
    shard.step();
    for (RecordingSink sink : List.of(a, b)) {
      assertEquals(2, sink.writes(), "one write per round");
      assertEquals(seqs(1, 1), sink.write(0));
      assertEquals(seqs(2, 6), sink.write(1), "the five that came since ride one write");
    }
    assertEquals(6, broadcasts.size(), "each signal timed once its round reached everybody");
  }

  @Test
  void aRoundStopsAtItsByteBoundAndTheRestFollowsInTheNext() {
    Shard small =
        new Shard(
            1,
            ring,
            new Shard.Settings(30, 25 * SECOND, 10 * SECOND, SECOND),
            (c, e) -> {},
            ReadLag.NONE);
    RecordingSink sink = RecordingSink.completing();
    Connection connection =
        new Connection(
            new FakePeer("s"),
            "bot",
            ring.head(),
            sink,
            new Connection.Bounds(1000, 1 << 20),
            (c, e) -> {},
            f -> {});
    small.add(connection, false);
    small.step();
    publish(4); // 11 bytes a frame: two reach the 30-byte bound... the third crosses it
    small.step();
    small.step();
    assertEquals(seqs(1, 3), sink.write(0));
    assertEquals(seqs(4, 4), sink.write(1));
  }

  @Test
  void aConnectionThatJoinsAfterASignalWasAcceptedGetsItOnceAndNothingEarlier() {
    RecordingSink early = RecordingSink.completing();
    connect(early, false, 1000);
    shard.step();
    publish(2); // the shard has not sent these yet
    RecordingSink late = RecordingSink.completing();
    connect(late, false, 1000); // owed from seq 3 on
    publish(2);
    shard.step();
    assertEquals(seqs(1, 4), early.frames());
    assertEquals(seqs(3, 4), late.frames(), "a view of the round from its own first signal");
    shard.step();
    publish(1);
    RecordingSink later = RecordingSink.completing();
    shard.step(); // sends 5 to the first two
    connect(later, false, 1000);
    publish(1);
    shard.step();
    assertEquals(seqs(6, 6), later.frames());
  }

  @Test
  void aResumingConnectionWaitsThenGetsWhatItsReplayDidNotSend() {
    RecordingSink live = RecordingSink.completing();
    connect(live, false, 1000);
    shard.step();
    RecordingSink resuming = RecordingSink.completing();
    Connection connection = connect(resuming, true, 1000);
    publish(5); // stored while its replay runs; the replay read up to seq 3
    shard.step();
    assertEquals(0, resuming.writes(), "nothing live before its replay is queued");
    connection.replayedAfter = 0;
    connection.replayedUpTo = 3;
    shard.goLive(connection);
    publish(1);
    shard.step();
    assertEquals(seqs(4, 6), resuming.frames(), "no gap and no duplicate at the switch");
    assertEquals(seqs(1, 6), live.frames());
  }

  @Test
  void aReplayThatReadSignalsTheShardHadNotSentYetIsNotSentThemAgain() {
    RecordingSink resuming = RecordingSink.completing();
    Connection connection = connect(resuming, true, 1000);
    shard.step();
    publish(4); // in the ring, not yet sent by the shard; the replay read 1..3
    connection.replayedAfter = 0;
    connection.replayedUpTo = 3;
    shard.goLive(connection);
    shard.step();
    publish(1);
    shard.step();
    assertEquals(seqs(4, 5), resuming.frames());
  }

  @Test
  void aConnectionTooFarBehindIsDroppedAndTheOthersGetEverything() {
    RecordingSink stuck = RecordingSink.holding(); // its first write never completes
    RecordingSink fine = RecordingSink.completing();
    Connection slow = connect(stuck, false, 3);
    connect(fine, false, 3);
    shard.step();
    for (int i = 0; i < 5; i++) {
      publish(1);
      shard.step();
    }
    assertEquals(Disconnect.TOO_SLOW, dropped.get(slow).disconnect());
    assertEquals("too slow: more than 3 frames queued", dropped.get(slow).reason());
    assertEquals(seqs(1, 5), fine.frames());
    assertEquals(1, stuck.writes(), "nothing more once it is dropped");
  }

  @Test
  void aShardLappedByTheRingClosesItsConnectionsAsTooSlowAndGoesOnFromTheNewest() {
    RecordingSink sink = RecordingSink.completing();
    Connection connection = connect(sink, false, 1000);
    shard.step();
    publish(ring.capacity() + 2); // more than the ring holds before the shard gets to them
    shard.step();
    assertEquals(Disconnect.TOO_SLOW, dropped.get(connection).disconnect());
    assertEquals(0, sink.writes());
    RecordingSink next = RecordingSink.completing();
    connect(next, false, 1000);
    publish(1);
    shard.step();
    shard.step();
    assertEquals(List.of("{\"seq\":" + seq + "}"), next.frames());
  }

  @Test
  void aQuietConnectionIsPingedAndDroppedWhenNoPongComes() {
    RecordingSink sink = RecordingSink.completing();
    Connection connection = connect(sink, false, 1000);
    shard.step();
    long start = System.nanoTime();
    shard.watch(start + 26 * SECOND);
    assertEquals(List.of("PING"), sink.frames());
    shard.watch(start + 30 * SECOND);
    assertTrue(dropped.isEmpty(), "within the pong timeout");
    shard.watch(start + 37 * SECOND);
    assertEquals(Disconnect.NO_PONG, dropped.get(connection).disconnect());
    assertEquals("no pong within 10000 ms: presumed dead", dropped.get(connection).reason());
  }

  @Test
  void aRoundThatFailsHalfwayIsNotOfferedAgainToThoseWhoHadIt() {
    RecordingSink first = RecordingSink.completing();
    connect(first, false, 1000);
    connect(
        RecordingSink.holding(),
        false,
        1,
        (c, ending) -> {
          throw new IllegalStateException("the close pool is gone");
        });
    shard.step();
    publish(1); // in flight on the holding sink
    shard.step();
    publish(1); // queued behind it
    shard.step();
    publish(1); // over its bound: its drop throws in the middle of the round
    assertThrows(IllegalStateException.class, shard::step);
    publish(1);
    shard.step();
    assertEquals(seqs(1, 4), first.frames(), "every signal once, in order");
  }

  @Test
  void aPongTheContainerHasNotReadYetIsNotMissing() {
    RecordingSink sink = RecordingSink.completing();
    Connection connection = connect(sink, false, 1000);
    shard.step();
    long start = System.nanoTime();
    shard.watch(start + 26 * SECOND);
    readLag = 20 * SECOND; // reads wait behind a connect storm
    shard.watch(start + 37 * SECOND);
    shard.watch(start + 50 * SECOND);
    assertTrue(dropped.isEmpty(), "within the pong timeout plus the read side's lag");
    readLag = 0;
    shard.watch(start + 51 * SECOND);
    assertEquals(Disconnect.NO_PONG, dropped.get(connection).disconnect());
  }

  @Test
  void aPongKeepsItAndAConnectionStillSendingIsNotCalledSilent() {
    RecordingSink sink = RecordingSink.completing();
    Connection answering = connect(sink, false, 1000);
    RecordingSink busy = RecordingSink.holding();
    Connection sending = connect(busy, false, 1000);
    shard.step();
    long start = System.nanoTime();
    shard.watch(start + 26 * SECOND); // both pinged; the busy one's ping waits in its outbox
    answering.alive();
    shard.watch(start + 40 * SECOND);
    assertTrue(dropped.isEmpty(), "a pong came; the other still has a write in flight");
    assertEquals(1, busy.writes());
    busy.complete();
    shard.watch(start + 41 * SECOND);
    assertEquals(Disconnect.NO_PONG, dropped.get(sending).disconnect());
  }
}
