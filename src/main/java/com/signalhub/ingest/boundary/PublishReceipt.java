package com.signalhub.ingest.boundary;

import com.signalhub.signal.entity.Signal;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.math.BigDecimal;

/** The 202 answer to a publish: the stored signal's seq and what was stored. */
@JsonbPropertyOrder({"seq", "type", "symbol", "price", "timestamp", "test", "receivedAt"})
public record PublishReceipt(
    long seq,
    String type,
    String symbol,
    BigDecimal price,
    long timestamp,
    @JsonbProperty("is_test") boolean test,
    @JsonbProperty("received_at") String receivedAt) {

  static PublishReceipt of(Signal signal) {
    return new PublishReceipt(
        signal.seq(),
        signal.type().wireName(),
        signal.symbol(),
        signal.price(),
        signal.timestamp(),
        signal.test(),
        signal.receivedAt().toString());
  }
}
