package com.signalhub.stream.control;

import com.signalhub.history.control.Replay;
import com.signalhub.history.control.SignalHistory;
import com.signalhub.signal.entity.Signal;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings a client that connected with {@code ?since=N} up to date: everything stored after N
 * (within the replay bounds, announced by a marker when not all of it), then live, with no gap and
 * no duplicate at the switch.
 */
@ApplicationScoped
public class Replayer {

  private static final Logger LOG = Logger.getLogger(Replayer.class.getName());

  @Inject SignalHistory history;

  @Inject Frames frames;

  @Inject Connections connections;

  @Resource ManagedExecutorService executor;

  /**
   * Replays off the caller's thread to a subscriber registered as resuming: it has held live
   * signals back since before the query runs, so one stored meanwhile is held, not lost.
   */
  public void resume(Subscriber subscriber, long since) {
    executor.execute(() -> replay(subscriber, since));
  }

  private void replay(Subscriber subscriber, long since) {
    try {
      Replay replay = history.replayAfter(since);
      Outbox outbox = subscriber.outbox();
      if (replay.truncated()) {
        outbox.offerReplayed(frames.replayTruncated(since, replay.firstAvailableSeq()));
      }
      for (Signal signal : replay.signals()) {
        outbox.offerReplayed(frames.signal(signal));
      }
      subscriber.goLive(since, replay.lastSeq());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Replay after " + since + " failed", e);
      connections.drop(
          subscriber.session(),
          new CloseReason(CloseCodes.TRY_AGAIN_LATER, "replay failed, reconnect to retry"));
    }
  }
}
