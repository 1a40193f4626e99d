package com.signalhub.signal.entity;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An accepted, stored trading signal: the CDI event every source's signal becomes. Immutable and
 * serializable so it can cross a cluster unchanged.
 *
 * @param seq allocated by the database when the signal was stored; strictly increasing
 * @param timestamp Unix time in seconds, as the publisher gave it (or the time of acceptance)
 * @param test a pipeline test: delivered like any signal, flagged {@code is_test} on the wire
 */
public record Signal(
    long seq,
    SignalType type,
    String symbol,
    BigDecimal price,
    long timestamp,
    boolean test,
    SignalSource source,
    Instant receivedAt)
    implements Serializable {

  public Signal {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
