package com.signalhub.signal.entity;

/** A signal that must not be accepted; names the offending field for the publisher. */
public class InvalidSignalException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidSignalException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The wire name of the offending field ({@code content.price}), or {@code body}. */
  public String field() {
    return field;
  }
}
