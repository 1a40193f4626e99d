package com.signalhub.platform;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The body of every HTTP error answer: a stable machine code, a human message, and for invalid
 * input the field at fault (omitted when null).
 */
@JsonbPropertyOrder({"error", "message", "field"})
public record ApiError(String error, String message, String field) {}
