package com.signalhub.fanout.entity;

import java.util.Locale;

/**
 * Every way the server ends a stream connection: the close code and reason the client reads, the
 * {@code reason} label of {@code signalhub_disconnects_total}, and whether a client should connect
 * again. Everything that closes a connection names one of these; the README's close-code table is
 * checked against this list (DisconnectTableTest).
 */
public enum Disconnect {
  /** The token was revoked or expired while connected. */
  TOKEN_WITHDRAWN(1008, "revoked", "token revoked or expired", false),
  /** An administrator disconnected the session (or all of its token's). */
  ADMIN(1008, "admin", "disconnected by an administrator", true),
  /** The client sent more messages per second than allowed. */
  RATE_LIMIT(1008, "rate_limit", "rate limit: more than %d messages per second", true),
  /** {@code ?since=} was not a non-negative integer. */
  BAD_SINCE(1008, "bad_since", "since must be a non-negative integer", false),
  /** The session opened without an admitted upgrade (never through the stream's handshake). */
  NOT_AUTHENTICATED(1008, "unauthenticated", "not authenticated", false),
  /** A frame declaring more than the inbound limit. */
  TOO_BIG(1009, "too_big", "message larger than %d bytes", false),
  /** A binary frame: the stream takes text commands only. */
  BINARY(1003, "binary", "binary frames are not accepted", false),
  /** More live frames waiting for the client than its bounds allow. */
  TOO_SLOW(1013, "slow", "too slow: more than %s queued", true),
  /** Its replay could not be read (the database did not answer). */
  REPLAY_FAILED(1013, "replay_failed", "replay failed, reconnect to retry", true),
  /** No pong came back in time after a ping. */
  NO_PONG(1001, "liveness", "no pong within %d ms: presumed dead", true),
  /** The server is stopping or the application is being undeployed. */
  SHUTDOWN(1001, "shutdown", "server shutting down", true),
  /** Writing to the client's connection failed. */
  SEND_FAILED(1001, "send_failed", "send failed", true);

  private final int code;
  private final String label;
  private final String reason;
  private final boolean retry;

  Disconnect(int code, String label, String reason, boolean retry) {
    this.code = code;
    this.label = label;
    this.reason = reason;
    this.retry = retry;
  }

  public int code() {
    return code;
  }

  /** The reason text, its {@code %} placeholders filled with {@code details}. */
  public String reason(Object... details) {
    return details.length == 0 ? reason : String.format(Locale.ROOT, reason, details);
  }

  /** The reason as written in this list, placeholders and all. */
  public String reasonPattern() {
    return reason;
  }

  /** Whether a client should connect again (with backoff, resuming with {@code since}). */
  public boolean retry() {
    return retry;
  }

  /** The {@code reason} label of the disconnect metric ({@code revoked}, {@code slow}, …). */
  public String label() {
    return label;
  }

  /** This way of ending, with its reason's details filled in. */
  public Ending ending(Object... details) {
    return new Ending(this, reason(details));
  }
}
