package com.signalhub.fanout.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The fan-out's settings, read once at deployment (no proxy: the engine reads its fields). */
@Dependent
public class FanOutSettings {

  /** Shards (each one thread); 0: one per available processor. */
  @Inject
  @ConfigProperty(name = "signalhub.fanout.shards")
  int shards;

  /** Signals the engine keeps for shards and joining connections; a power of two. */
  @Inject
  @ConfigProperty(name = "signalhub.fanout.ring-size")
  int ringSize;

  /** A round takes signals until their frames reach this many bytes (at least one). */
  @Inject
  @ConfigProperty(name = "signalhub.fanout.max-round-bytes")
  int maxRoundBytes;

  @Inject
  @ConfigProperty(name = "signalhub.stream.max-queued-frames")
  int maxQueuedFrames;

  @Inject
  @ConfigProperty(name = "signalhub.stream.max-queued-bytes")
  long maxQueuedBytes;

  @Inject
  @ConfigProperty(name = "signalhub.stream.ping-interval-ms")
  long pingIntervalMs;

  @Inject
  @ConfigProperty(name = "signalhub.stream.pong-timeout-ms")
  long pongTimeoutMs;

  @Inject
  @ConfigProperty(name = "signalhub.stream.watch-interval-ms")
  long watchIntervalMs;

  int effectiveShards() {
    return shards > 0 ? shards : Runtime.getRuntime().availableProcessors();
  }

  Shard.Settings shardSettings() {
    return new Shard.Settings(
        maxRoundBytes,
        TimeUnit.MILLISECONDS.toNanos(pingIntervalMs),
        TimeUnit.MILLISECONDS.toNanos(pongTimeoutMs),
        TimeUnit.MILLISECONDS.toNanos(watchIntervalMs));
  }
}
