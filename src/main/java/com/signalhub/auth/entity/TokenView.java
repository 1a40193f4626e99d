package com.signalhub.auth.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;

/** A token as the admin API shows it: everything but the secret. */
public record TokenView(
    String name,
    String role,
    @JsonbProperty("created_by") String createdBy,
    @JsonbProperty("created_at") Instant createdAt,
    @JsonbProperty("expires_at") Instant expiresAt,
    boolean revoked,
    @JsonbProperty("revoked_at") Instant revokedAt,
    @JsonbProperty("last_used_at") Instant lastUsedAt) {}
