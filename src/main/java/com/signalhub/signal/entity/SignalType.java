package com.signalhub.signal.entity;

import java.util.Optional;

/** The two kinds of trading signal, with their names on the wire. */
public enum SignalType {
  BUY("buy"),
  SELL("sell");

  private final String wireName;

  SignalType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<SignalType> fromWire(String name) {
    for (SignalType type : values()) {
      if (type.wireName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
