package com.signalhub.stream.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * Sent before a replay that cannot start right after the client's {@code since}: {@code
 * {"type":"replay_truncated","content":{"since":10,"first_available_seq":5000}}}. Signals between
 * are no longer stored (or beyond the replay bounds); fetch what remains of them from the history
 * API or treat them as missed.
 */
@JsonbPropertyOrder({"type", "content"})
public record ReplayTruncatedFrame(String type, Content content) {

  @JsonbPropertyOrder({"since", "firstAvailableSeq"})
  public record Content(long since, @JsonbProperty("first_available_seq") long firstAvailableSeq) {}

  public static ReplayTruncatedFrame of(long since, long firstAvailableSeq) {
    return new ReplayTruncatedFrame("replay_truncated", new Content(since, firstAvailableSeq));
  }
}
