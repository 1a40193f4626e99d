package com.signalhub.stream.entity;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * An answer to one client's bad command: {@code {"type":"error","content":{"code":"...",
 * "message":"..."}}}. Clients that only look for buy/sell ignore it.
 */
@JsonbPropertyOrder({"type", "content"})
public record ErrorFrame(String type, Content content) {

  @JsonbPropertyOrder({"code", "message"})
  public record Content(String code, String message) {}

  public static ErrorFrame of(String code, String message) {
    return new ErrorFrame("error", new Content(code, message));
  }
}
