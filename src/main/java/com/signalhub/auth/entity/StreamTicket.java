package com.signalhub.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A single-use ticket to open the stream from a browser, stored as a hash until used or stale. */
@Entity
@Table(name = "stream_ticket") // schema: META-INF/sql/create.sql
public class StreamTicket {

  @Id
  @Column(name = "ticket_hash", length = 64)
  private String ticketHash;

  @Column(name = "token_name", nullable = false, length = 64)
  private String tokenName;

  @Column(name = "expires_at_ms", nullable = false)
  private long expiresAtMillis;

  protected StreamTicket() {}

  public StreamTicket(String ticketHash, String tokenName, Instant expires) {
    this.ticketHash = ticketHash;
    this.tokenName = tokenName;
    this.expiresAtMillis = expires.toEpochMilli();
  }

  public String tokenName() {
    return tokenName;
  }

  public boolean validAt(Instant now) {
    return expiresAtMillis > now.toEpochMilli();
  }
}
