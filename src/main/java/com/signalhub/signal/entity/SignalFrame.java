package com.signalhub.signal.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/**
 * A signal as clients see it, on the stream and in the history API: {@code {"type":"buy",
 * "content":{"symbol":"BTCUSDT","price":75000.00,"timestamp":1720000000},"is_test":false,
 * "seq":42}}. {@code seq} is absent (null) on answers to the {@code test} command.
 */
@JsonbPropertyOrder({"type", "content", "test", "seq"})
public record SignalFrame(
    String type, Content content, @JsonbProperty("is_test") boolean test, Long seq) {

  @JsonbPropertyOrder({"symbol", "price", "timestamp"})
  public record Content(String symbol, BigDecimal price, long timestamp) {}

  public static SignalFrame of(Signal signal) {
    return new SignalFrame(
        signal.type().wireName(),
        new Content(signal.symbol(), signal.price(), signal.timestamp()),
        signal.test(),
        signal.seq());
  }
}
