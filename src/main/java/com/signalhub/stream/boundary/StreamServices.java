package com.signalhub.stream.boundary;

import com.signalhub.fanout.control.FanOut;
import com.signalhub.fanout.control.FanOutMetrics;
import com.signalhub.stream.control.Frames;
import com.signalhub.stream.control.Replayer;
import com.signalhub.stream.control.StreamGate;
import com.signalhub.stream.control.StreamMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the stream's handshake and every endpoint instance work with, resolved once for all of them.
 * Tyrus would otherwise build a CDI injection target per connection (under one lock shared by every
 * upgrade) and keep it, with its injection points, for the life of the session: ~2.5 KiB of heap
 * per idle connection (bench/RESULTS.md). Its settings are read once, at startup, like the rest of
 * the stream's.
 */
@ApplicationScoped
public class StreamServices {

  @Inject StreamGate gate;

  @Inject FanOut fanOut;

  @Inject Frames frames;

  @Inject Replayer replayer;

  @Inject StreamMetrics metrics;

  @Inject FanOutMetrics fanOutMetrics;

  @Inject
  @ConfigProperty(name = "signalhub.stream.max-inbound-bytes")
  int maxInboundBytes;

  @Inject
  @ConfigProperty(name = "signalhub.stream.max-inbound-per-second")
  int maxInboundPerSecond;

  static StreamServices current() {
    return CDI.current().select(StreamServices.class).get();
  }

  // Through methods: this is a client proxy, whose own fields are never injected.

  StreamGate gate() {
    return gate;
  }

  FanOut fanOut() {
    return fanOut;
  }

  Frames frames() {
    return frames;
  }

  Replayer replayer() {
    return replayer;
  }

  StreamMetrics metrics() {
    return metrics;
  }

  FanOutMetrics fanOutMetrics() {
    return fanOutMetrics;
  }

  int maxInboundBytes() {
    return maxInboundBytes;
  }

  int maxInboundPerSecond() {
    return maxInboundPerSecond;
  }
}
