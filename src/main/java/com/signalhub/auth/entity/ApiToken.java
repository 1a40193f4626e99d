package com.signalhub.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A token in the store: who, what it may do, and its life. The secret is only ever a hash. */
@Entity
@Table(name = "api_token") // schema: META-INF/sql/create.sql
public class ApiToken {

  @Id
  @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String name;

  @Column(nullable = false, length = 16)
  private String role;

  @Column(name = "secret_hash", nullable = false, unique = true, length = 64)
  private String secretHash;

  @Column(name = "created_at_ms", nullable = false)
  private long createdAtMillis;

  @Column(name = "expires_at_ms")
  private Long expiresAtMillis;

  @Column(name = "revoked_at_ms")
  private Long revokedAtMillis;

  @Column(name = "last_used_at_ms")
  private Long lastUsedAtMillis;

  /** {@code config} (seeded from signalhub.tokens) or {@code api} (created by an admin). */
  @Column(name = "created_by", nullable = false, length = 8)
  private String createdBy;

  protected ApiToken() {}

  public ApiToken(
      String name, Role role, String secretHash, Instant created, Instant expires, String by) {
    this.name = name;
    this.role = role.configName();
    this.secretHash = secretHash;
    this.createdAtMillis = created.toEpochMilli();
    this.expiresAtMillis = expires == null ? null : expires.toEpochMilli();
    this.createdBy = by;
  }

  /** Usable now: neither revoked nor expired. */
  public boolean validAt(Instant now) {
    return revokedAtMillis == null
        && (expiresAtMillis == null || expiresAtMillis > now.toEpochMilli());
  }

  public TokenPrincipal principal() {
    return new TokenPrincipal(name, Role.fromConfigName(role).orElseThrow());
  }

  public void revoke(Instant when) {
    if (revokedAtMillis == null) {
      revokedAtMillis = when.toEpochMilli();
    }
  }

  public void usedAt(Instant when) {
    lastUsedAtMillis = when.toEpochMilli();
  }

  /** A secret rotated in signalhub.tokens replaces the stored one; revocation stays. */
  public void reseed(Role role, String secretHash) {
    this.role = role.configName();
    this.secretHash = secretHash;
  }

  public String name() {
    return name;
  }

  public String secretHash() {
    return secretHash;
  }

  public Long expiresAtMillis() {
    return expiresAtMillis;
  }

  public TokenView view() {
    return new TokenView(
        name,
        role,
        createdBy,
        Instant.ofEpochMilli(createdAtMillis),
        instant(expiresAtMillis),
        revokedAtMillis != null,
        instant(revokedAtMillis),
        instant(lastUsedAtMillis));
  }

  private static Instant instant(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }
}
