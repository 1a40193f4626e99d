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
    subscriber.deliver(5, "s5");
    subscriber.deliver(6, "s6");
    subscriber.goLive(5); // the replay sent up to 5
    subscriber.deliver(7, "s7");
    assertEquals(List.of("s6", "s7"), remote.sent);
  }

  @Test
  void aLiveEventArrivingAfterTheReplayAlreadyReadItsSignalIsNotSentTwice() {
    subscriber.holdLive();
    subscriber.goLive(8); // the replay read seq 8, committed, whose live event is still on its way
    subscriber.deliver(8, "s8");
    subscriber.deliver(9, "s9");
    assertEquals(List.of("s9"), remote.sent);
  }

  @Test
  void aConnectionThatDidNotResumeGetsEverything() {
    subscriber.deliver(1, "s1");
    subscriber.deliver(2, "s2");
    assertEquals(List.of("s1", "s2"), remote.sent);
  }
}
