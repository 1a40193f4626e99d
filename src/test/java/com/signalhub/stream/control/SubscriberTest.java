package com.signalhub.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriberTest {

  private final OutboxTest.FakeRemote remote = new OutboxTest.FakeRemote(true);
  private final Subscriber subscriber =
      new Subscriber(
          null, "bot", new Outbox(remote, 100, 1 << 20, (o, r) -> {}), 100, (s, r) -> {});

  @Test
  void liveSignalsHeldDuringTheReplayFollowItWithoutThoseItAlreadySent() {
    subscriber.holdLive();
    subscriber.deliver(5, WireFrame.of("s5"));
    subscriber.deliver(6, WireFrame.of("s6"));
    subscriber.goLive(3, 5); // the replay sent 4 and 5
    subscriber.deliver(7, WireFrame.of("s7"));
    assertEquals(List.of("s6", "s7"), remote.sent);
  }

  @Test
  void aLiveEventArrivingAfterTheReplayAlreadyReadItsSignalIsNotSentTwice() {
    subscriber.holdLive();
    subscriber.goLive(6, 8); // the replay read 7 and 8, committed, 8's live event still on its way
    subscriber.deliver(8, WireFrame.of("s8"));
    subscriber.deliver(9, WireFrame.of("s9"));
    assertEquals(List.of("s9"), remote.sent);
  }

  @Test
  void aSincePastWhatIsStoredStillGetsWhatComesNext() {
    subscriber.holdLive();
    subscriber.deliver(
        11, WireFrame.of("s11")); // stored after the client connected, before its empty replay
    subscriber.goLive(5000, 5000); // resumed after 5000 (database reset): nothing replayed
    subscriber.deliver(12, WireFrame.of("s12"));
    assertEquals(List.of("s11", "s12"), remote.sent);
  }

  @Test
  void aConnectionThatDidNotResumeGetsEverything() {
    subscriber.deliver(1, WireFrame.of("s1"));
    subscriber.deliver(2, WireFrame.of("s2"));
    assertEquals(List.of("s1", "s2"), remote.sent);
  }
}
