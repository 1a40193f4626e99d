package com.signalhub.auth.entity;

/** A token name that is already taken (names are unique: sessions and revocation use them). */
public class TokenConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TokenConflictException(String name) {
    super("a token named " + name + " already exists");
  }
}
