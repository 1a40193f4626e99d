package com.signalhub.stream.control;

/** Why an upgrade to the stream is refused, with the HTTP status the client gets. */
public class Refused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  public Refused(int status, String reason) {
    super(reason);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
