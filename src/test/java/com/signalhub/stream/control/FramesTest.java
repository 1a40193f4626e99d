package com.signalhub.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.signalhub.platform.JsonbProducer;
import com.signalhub.signal.entity.Signal;
import com.signalhub.signal.entity.SignalSource;
import com.signalhub.signal.entity.SignalType;
import jakarta.json.bind.Jsonb;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class FramesTest {

  private static final Jsonb JSONB = JsonbProducer.create();
  private final Frames frames = new Frames(JSONB);

  @AfterAll
  static void close() throws Exception {
    JSONB.close();
  }

  private static Signal signal(SignalType type, String price, boolean test) {
    return new Signal(
        42L,
        type,
        "BTCUSDT",
        new BigDecimal(price),
        1720000000L,
        test,
        SignalSource.HTTP,
        Instant.EPOCH);
  }

  @Test
  void signalIsEncodedExactlyAsTheContractShowsIt() {
    assertEquals(
        "{\"type\":\"buy\",\"content\":{\"symbol\":\"BTCUSDT\",\"price\":75000.00,"
            + "\"timestamp\":1720000000},\"is_test\":false,\"seq\":42}",
        frames.signal(signal(SignalType.BUY, "75000.00", false)));
  }

  @Test
  void sellAndTestFlagUseTheirWireNames() {
    assertEquals(
        "{\"type\":\"sell\",\"content\":{\"symbol\":\"BTCUSDT\",\"price\":0.5,"
            + "\"timestamp\":1720000000},\"is_test\":true,\"seq\":42}",
        frames.signal(signal(SignalType.SELL, "0.5", true)));
  }

  @Test
  void pricesKeepEveryDigitAndNeverTurnScientific() {
    assertTrue(
        frames
            .signal(signal(SignalType.BUY, "0.000000012345", false))
            .contains("\"price\":0.000000012345,"));
    assertTrue(
        frames
            .signal(signal(SignalType.BUY, "123456789012345.123456789012", false))
            .contains("\"price\":123456789012345.123456789012,"));
  }

  @Test
  void testReplyIsAWellFormedSignalFlaggedAsTest() {
    String reply = frames.testReply();
    assertTrue(
        reply.matches(
            "\\{\"type\":\"buy\",\"content\":\\{\"symbol\":\"BTCUSDT\",\"price\":75000\\.00,"
                + "\"timestamp\":\\d{10}},\"is_test\":true}"),
        reply);
  }

  @Test
  void replayTruncatedMarkerNamesTheFirstAvailableSeq() {
    assertEquals(
        "{\"type\":\"replay_truncated\",\"content\":{\"since\":10,\"first_available_seq\":5000}}",
        frames.replayTruncated(10, 5000));
  }

  @Test
  void errorFrameCarriesCodeAndMessage() {
    assertEquals(
        "{\"type\":\"error\",\"content\":{\"code\":\"unknown_command\",\"message\":\"say \\\"test\\\"\"}}",
        frames.error("unknown_command", "say \"test\""));
  }
}
