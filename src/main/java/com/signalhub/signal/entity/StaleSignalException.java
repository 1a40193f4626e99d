package com.signalhub.signal.entity;

/** A well-formed signal too old to act on: refused (HTTP 422, JMS dead letter), never broadcast. */
public class StaleSignalException extends InvalidSignalException {

  private static final long serialVersionUID = 1L;

  public StaleSignalException(String message) {
    super("content.timestamp", message);
  }
}
