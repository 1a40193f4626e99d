package com.signalhub.auth.control;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the secret out of an {@code Authorization: Bearer <token>} header value (RFC 6750). */
public final class BearerCredentials {

  /**
   * Scheme is case-insensitive; the token is token68: letters, digits and -._~+/ then = padding.
   */
  private static final Pattern BEARER = Pattern.compile("(?i:bearer) +([A-Za-z0-9\\-._~+/]+=*) *");

  private BearerCredentials() {}

  public static Optional<String> secretOf(String authorizationHeader) {
    if (authorizationHeader == null) {
      return Optional.empty();
    }
    Matcher matcher = BEARER.matcher(authorizationHeader);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
