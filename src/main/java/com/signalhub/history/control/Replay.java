package com.signalhub.history.control;

import com.signalhub.signal.entity.Signal;
import java.util.List;

/**
 * A replay for a client resuming after {@code since}.
 *
 * @param truncated some signals after {@code since} are no longer replayable (too old or too many)
 * @param firstAvailableSeq the first seq the client will get when truncated
 * @param lastSeq the seq the client is up to date with once the replay is sent: the last replayed,
 *     or with nothing to replay the newest stored (at most {@code since})
 */
public record Replay(
    long since, List<Signal> signals, boolean truncated, Long firstAvailableSeq, long lastSeq) {}
