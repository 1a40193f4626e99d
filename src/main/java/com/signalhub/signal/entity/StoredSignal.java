package com.signalhub.signal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of the signal log. {@code seq} comes from the counter row in the same transaction ({@code
 * SeqCounter}), never from memory.
 */
@Entity
@Table(name = "signal_log") // schema: META-INF/sql/create.sql
public class StoredSignal {

  @Id private Long seq;

  @Column(nullable = false, length = 4)
  private String type;

  @Column(nullable = false, length = 64)
  private String symbol;

  /** The price's digits exactly as published: a NUMERIC column would pad or trim the scale. */
  @Column(nullable = false, length = 64)
  private String price;

  @Column(name = "signal_timestamp", nullable = false)
  private long timestamp;

  @Column(name = "is_test", nullable = false)
  private boolean test;

  @Column(name = "received_at_ms", nullable = false)
  private long receivedAtMillis;

  @Column(nullable = false, length = 8)
  private String source;

  @Column(length = 128)
  private String publisher;

  @Column(name = "idempotency_key", length = 128)
  private String idempotencyKey;

  protected StoredSignal() {}

  public StoredSignal(SignalRequest request, long timestamp, Provenance from, Instant receivedAt) {
    this.type = request.type().wireName();
    this.symbol = request.symbol();
    this.price = request.price().toPlainString();
    this.timestamp = timestamp;
    this.test = request.test();
    this.receivedAtMillis = receivedAt.toEpochMilli();
    this.source = from.source().name();
    this.publisher = from.publisher();
    this.idempotencyKey = from.idempotencyKey();
  }

  /** Before it is stored: the seq its transaction allocated. */
  public void assignSeq(long seq) {
    this.seq = seq;
  }

  public Signal toSignal() {
    return new Signal(
        seq,
        SignalType.fromWire(type).orElseThrow(),
        symbol,
        new BigDecimal(price),
        timestamp,
        test,
        SignalSource.valueOf(source),
        Instant.ofEpochMilli(receivedAtMillis));
  }
}
