package com.signalhub.signal.entity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An accepted trading signal: the CDI event every source's signal becomes. Immutable and
 * serializable so it can cross a cluster unchanged.
 *
 * @param id identifies the signal to its publisher
 * @param timestamp Unix time in seconds, as the publisher gave it (or the time of acceptance)
 * @param test a pipeline test: delivered like any signal, flagged {@code is_test} on the wire
 */
public record Signal(
    String id,
    SignalType type,
    String symbol,
    BigDecimal price,
    long timestamp,
    boolean test,
    SignalSource source,
    Instant receivedAt)
    implements Serializable {

  public Signal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
