package com.signalhub.stream.entity;

import com.signalhub.signal.entity.Signal;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/**
 * A signal as clients see it: {@code {"type":"buy","content":{"symbol":"BTCUSDT",
 * "price":75000.00,"timestamp":1720000000},"is_test":false}}.
 */
@JsonbPropertyOrder({"type", "content", "test"})
public record SignalFrame(String type, Content content, @JsonbProperty("is_test") boolean test) {

  @JsonbPropertyOrder({"symbol", "price", "timestamp"})
  public record Content(String symbol, BigDecimal price, long timestamp) {}

  public static SignalFrame of(Signal signal) {
    return new SignalFrame(
        signal.type().wireName(),
        new Content(signal.symbol(), signal.price(), signal.timestamp()),
        signal.test());
  }
}
