package com.signalhub.auth.control;

import com.signalhub.auth.entity.StreamTicket;
import com.signalhub.auth.entity.TokenPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Single-use, short-lived tickets that let a browser open the stream ({@code /?ticket=...}) without
 * putting a long-lived secret in a URL. Stored hashed in the database, so any instance redeems
 * them.
 */
@ApplicationScoped
@Transactional
public class TicketBooth {

  public record Ticket(String ticket, Instant expiresAt) {}

  @PersistenceContext(unitName = "signalhub")
  EntityManager em;

  @Inject TokenRegistry tokens;

  @Inject
  @ConfigProperty(name = "signalhub.tickets.ttl-seconds", defaultValue = "30")
  long ttlSeconds;

  public Ticket issue(TokenPrincipal holder) {
    String ticket = Secrets.generate();
    Instant expires = Instant.now().plusSeconds(ttlSeconds);
    em.persist(new StreamTicket(Secrets.hash(ticket), holder.name(), expires));
    return new Ticket(ticket, expires);
  }

  /** The holder, if the ticket exists, is fresh and its token still valid; used up either way. */
  public Optional<TokenPrincipal> redeem(String ticket) {
    String hash = Secrets.hash(ticket);
    StreamTicket stored = em.find(StreamTicket.class, hash);
    if (stored == null) {
      return Optional.empty();
    }
    int deleted = // the one redeemer whose delete removes the row wins a race for it
        em.createQuery("delete from StreamTicket t where t.ticketHash = :hash")
            .setParameter("hash", hash)
            .executeUpdate();
    if (deleted != 1 || !stored.validAt(Instant.now())) {
      return Optional.empty();
    }
    return tokens.valid(stored.tokenName());
  }

  public int purgeExpired() {
    return em.createQuery("delete from StreamTicket t where t.expiresAtMillis <= :now")
        .setParameter("now", Instant.now().toEpochMilli())
        .executeUpdate();
  }

  public long ttlSeconds() {
    return ttlSeconds;
  }
}
