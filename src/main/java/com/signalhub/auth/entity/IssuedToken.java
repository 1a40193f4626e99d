package com.signalhub.auth.entity;

/** A token just created: its secret, shown this once and never stored. */
public record IssuedToken(TokenView token, String secret) {}
