package com.signalhub.platform;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The body of every HTTP error answer: a stable machine code, a human message, and for invalid
 * input the field at fault (omitted when null).
 */
@JsonbPropertyOrder({"error", "message", "field"})
public record ApiError(String error, String message, String field) {

  /** An error answer with this body, as JSON. */
  public static Response response(int status, String error, String message, String field) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(error, message, field))
        .build();
  }
}
