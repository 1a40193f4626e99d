package com.signalhub.auth.control;

import com.signalhub.auth.entity.TokenPrincipal;
import java.time.Instant;

/** A valid token as the cache holds it: who, the hash of its secret, and when it expires. */
public record CachedToken(TokenPrincipal principal, String secretHash, Long expiresAtMillis) {

  boolean validAt(Instant now) {
    return expiresAtMillis == null || expiresAtMillis > now.toEpochMilli();
  }
}
