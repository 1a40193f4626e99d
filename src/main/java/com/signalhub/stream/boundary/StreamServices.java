package com.signalhub.stream.boundary;

import com.signalhub.ops.control.HubMetrics;
import com.signalhub.stream.control.Connections;
import com.signalhub.stream.control.Frames;
import com.signalhub.stream.control.Replayer;
import com.signalhub.stream.control.StreamGate;
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

  @Inject Connections connections;

  @Inject Frames frames;

  @Inject Replayer replayer;

  @Inject HubMetrics metrics;

  @Inject
  @ConfigProperty(name = "signalhub.stream.max-inbound-bytes", defaultValue = "4096")
  int maxInboundBytes;

  @Inject
  @ConfigProperty(name = "signalhub.stream.max-inbound-per-second", defaultValue = "5")
  int maxInboundPerSecond;

  static StreamServices current() {
    return CDI.current().select(StreamServices.class).get();
  }

  StreamGate gate() {
    return gate;
  }

  Connections connections() {
    return connections;
  }

  Frames frames() {
    return frames;
  }

  Replayer replayer() {
    return replayer;
  }

  HubMetrics metrics() {
    return metrics;
  }

  int maxInboundBytes() {
    return maxInboundBytes;
  }

  int maxInboundPerSecond() {
    return maxInboundPerSecond;
  }
}
