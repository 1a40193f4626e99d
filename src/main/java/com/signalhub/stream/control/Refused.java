package com.signalhub.stream.control;

import com.signalhub.stream.entity.Refusal;

/** An upgrade to the stream refused: why, and the message the client gets with the status. */
public class Refused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Refusal refusal;

  public Refused(Refusal refusal, String message) {
    super(message);
    this.refusal = refusal;
  }

  public Refusal refusal() {
    return refusal;
  }

  public int status() {
    return refusal.status();
  }
}
