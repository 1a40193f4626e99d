package com.signalhub.stream.control;

import com.signalhub.fanout.control.Batch;
import com.signalhub.fanout.control.Connection;
import com.signalhub.fanout.control.FanOut;
import com.signalhub.fanout.entity.Disconnect;
import com.signalhub.fanout.entity.WireFrame;
import com.signalhub.history.control.Replay;
import com.signalhub.history.control.SignalHistory;
import com.signalhub.signal.entity.Signal;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
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

  /* Replayed frames go out in writes of about this many bytes, not one write each. */
  private static final int BATCH_BYTES = 32 * 1024;

  @Inject SignalHistory history;

  @Inject Frames frames;

  @Inject FanOut fanOut;

  @Resource ManagedExecutorService executor;

  /**
   * Replays off the caller's thread to a connection opened as resuming: the fan-out holds back what
   * it is owed live from before the query runs, so a signal stored meanwhile is not lost.
   */
  public void resume(Connection connection, long since) {
    executor.execute(() -> replay(connection, since));
  }

  private void replay(Connection connection, long since) {
    try {
      Replay replay = history.replayAfter(since);
      List<WireFrame> batch = new ArrayList<>();
      int bytes = 0;
      if (replay.truncated()) {
        batch.add(WireFrame.of(frames.replayTruncated(since, replay.firstAvailableSeq())));
      }
      for (Signal signal : replay.signals()) {
        WireFrame frame = WireFrame.of(frames.signal(signal));
        batch.add(frame);
        bytes += frame.length();
        if (bytes >= BATCH_BYTES) {
          connection.outbox().offer(Batch.of(batch));
          batch = new ArrayList<>();
          bytes = 0;
        }
      }
      if (!batch.isEmpty()) {
        connection.outbox().offer(Batch.of(batch));
      }
      fanOut.goLive(connection, since, replay.lastSeq());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Replay after " + since + " failed", e);
      fanOut.drop(connection, Disconnect.REPLAY_FAILED.ending());
    }
  }
}
