package com.signalhub.feed.entity;

import java.io.Serializable;

/**
 * A stored signal on its way to the clients, in seq order: its seq and its frame's JSON, encoded
 * once. The CDI event the feed hands to the fan-out, one at a time, strictly by seq.
 *
 * @param acceptedNanos {@link System#nanoTime()} when the intake accepted it (for the broadcast
 *     latency; meaningful on this instance only)
 */
public record Sequenced(long seq, String json, long acceptedNanos) implements Serializable {}
