package com.signalhub.auth.entity;

import java.util.Set;

/**
 * Tokens that were valid and no longer are (revoked, expired or gone), as the token store found
 * them: their sessions must close. Fired on every instance that had them in use.
 */
public record TokensWithdrawn(Set<String> names) {}
