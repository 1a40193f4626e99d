package com.signalhub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoadToolTest {
  private static final int RUN = 4711;

  private static TextWebSocketFrame signal(long seq) {
    return new TextWebSocketFrame(
        Unpooled.copiedBuffer(
            "{\"type\":\"buy\",\"content\":{\"symbol\":\"BENCH\",\"price\":"
                + SignalId.price(RUN, seq)
                + ",\"timestamp\":1795611409},\"is_test\":false,\"seq\":"
                + seq
                + "}",
            StandardCharsets.UTF_8));
  }

  /** A tool whose signal 2 was handed over at 1 ms. */
  private static LoadTool toolAfterSignal2() throws Exception {
    LoadTool tool =
        new LoadTool(
            Options.parse("--run-id", "" + RUN, "--rate", "1", "--duration", "3", "--warmup", "0"));
    tool.table().handOver(2, 1_000_000L);
    return tool;
  }

  @Test
  void aReadersFrameIsMeasuredOnce() throws Exception {
    LoadTool tool = toolAfterSignal2();
    WsClient reader = new WsClient(0, false, tool);
    tool.frame(reader, signal(2), 51_000_000L);
    tool.frame(reader, signal(2), 52_000_000L);
    assertEquals(1, tool.measuredFrames());
    assertEquals(50_000_000L, reader.maxLatencyNanos);
    assertEquals(1, reader.tracker.duplicates());
  }

  /* A slow client's backlog, read when its connection is torn down, is not reader latency. */
  @Test
  void aSlowClientsFramesAreNotMeasured() throws Exception {
    LoadTool tool = toolAfterSignal2();
    WsClient slow = new WsClient(1, true, tool);
    tool.frame(slow, signal(2), 20_001_000_000L);
    assertEquals(0, tool.measuredFrames());
    assertEquals(0, slow.maxLatencyNanos);
  }
}
