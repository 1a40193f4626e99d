package com.signalhub.auth.entity;

import java.io.Serializable;
import java.security.Principal;

/** Who is behind an authenticated connection or request: the token's name and role. */
public record TokenPrincipal(String name, Role role) implements Principal, Serializable {

  @Override
  public String getName() {
    return name;
  }
}
