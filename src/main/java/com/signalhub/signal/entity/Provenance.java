package com.signalhub.signal.entity;

/**
 * Who handed a signal in and how: the source, the publisher (token name, or the JMS queue), and the
 * publisher's idempotency key, if any.
 */
public record Provenance(SignalSource source, String publisher, String idempotencyKey) {

  public static Provenance of(SignalSource source, String publisher) {
    return new Provenance(source, publisher, null);
  }
}
