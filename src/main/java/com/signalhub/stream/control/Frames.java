package com.signalhub.stream.control;

import com.signalhub.signal.entity.Signal;
import com.signalhub.signal.entity.SignalFrame;
import com.signalhub.stream.entity.ErrorFrame;
import com.signalhub.stream.entity.ReplayTruncatedFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import java.math.BigDecimal;
import java.time.Instant;

/** Encodes what the stream sends, with the application's one {@link Jsonb}. */
@ApplicationScoped
public class Frames {

  private static final BigDecimal TEST_PRICE = new BigDecimal("75000.00");

  @Inject Jsonb jsonb;

  public Frames() {}

  Frames(Jsonb jsonb) {
    this.jsonb = jsonb;
  }

  public String signal(Signal signal) {
    return jsonb.toJson(SignalFrame.of(signal));
  }

  /** The answer to a client's {@code test} command: a well-formed signal flagged as a test. */
  public String testReply() {
    return jsonb.toJson(
        new SignalFrame(
            "buy",
            new SignalFrame.Content("BTCUSDT", TEST_PRICE, Instant.now().getEpochSecond()),
            true,
            null));
  }

  /** Tells a resuming client that signals it asked for are no longer stored. */
  public String replayTruncated(long since, long firstAvailableSeq) {
    return jsonb.toJson(ReplayTruncatedFrame.of(since, firstAvailableSeq));
  }

  public String error(String code, String message) {
    return jsonb.toJson(ErrorFrame.of(code, message));
  }
}
