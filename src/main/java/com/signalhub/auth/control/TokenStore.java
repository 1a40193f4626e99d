package com.signalhub.auth.control;

import com.signalhub.auth.entity.TokenPrincipal;
import java.util.Optional;

/** Turns a presented bearer secret into the principal it belongs to. */
public interface TokenStore {

  /** The principal whose secret this is, or empty when the secret is unknown. */
  Optional<TokenPrincipal> authenticate(String secret);

  /** Whether the token of this name is still valid (neither revoked nor expired). */
  boolean stillValid(String name);
}
