package com.signalhub.stream.entity;

/**
 * Every way an upgrade to the stream is refused: the HTTP status (no session opens), the {@code
 * reason} label of {@code signalhub_refusals_total}, and whether the client is told when to come
 * back ({@code Retry-After}).
 */
public enum Refusal {
  /** The page's {@code Origin} is neither this server's own nor allowed. */
  ORIGIN(403, "origin"),
  /** No valid bearer token or ticket. */
  UNAUTHORIZED(401, "unauthorized"),
  /** The token already holds its maximum of sessions on this instance. */
  TOKEN_LIMIT(429, "token_limit"),
  /** This instance holds its maximum of sessions. */
  INSTANCE_LIMIT(503, "instance_limit"),
  /** The token store could not be read. */
  STORE_UNAVAILABLE(503, "store_unavailable"),
  /**
   * The container's request queue waits longer than {@code signalhub.stream.max-upgrade-wait-ms} (a
   * connect storm): answered at once, before any upgrade work, so the queue drains.
   */
  BUSY(503, "busy", 1);

  private static final int RETRY_AFTER_SECONDS = 5;

  private final int status;
  private final String label;
  private final int retryAfterSeconds;

  Refusal(int status, String label) {
    this(status, label, RETRY_AFTER_SECONDS);
  }

  Refusal(int status, String label, int retryAfterSeconds) {
    this.status = status;
    this.label = label;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * Seconds a refused client is asked to wait ({@code Retry-After}) for 429 and 503: a storm passes
   * in seconds, a full instance or token takes longer to free a place.
   */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  public String label() {
    return label;
  }

  /** A client may come back later (429, 503): the answer carries {@code Retry-After}. */
  public boolean retryLater() {
    return status == 429 || status == 503;
  }
}
