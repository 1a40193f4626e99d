package com.signalhub.history.control;

import com.signalhub.signal.entity.Signal;
import java.util.List;

/**
 * A replay for a client resuming after {@code since}.
 *
 * @param truncated some signals after {@code since} are no longer replayable (too old or too many)
 * @param firstAvailableSeq the first seq the client will get when truncated
 */
public record Replay(long since, List<Signal> signals, boolean truncated, Long firstAvailableSeq) {

  /** The seq the client has seen up to once the replay is sent. */
  public long lastSeq() {
    return signals.isEmpty() ? since : signals.get(signals.size() - 1).seq();
  }
}
