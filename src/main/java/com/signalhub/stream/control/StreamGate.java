package com.signalhub.stream.control;

import com.signalhub.auth.control.BearerCredentials;
import com.signalhub.auth.control.TicketBooth;
import com.signalhub.auth.control.TokenStore;
import com.signalhub.auth.entity.TokenPrincipal;
import com.signalhub.stream.entity.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides an upgrade to the stream, in this order: the page's origin (403), the credential — an
 * {@code Authorization: Bearer} header, or a single-use {@code ?ticket=} from a browser — (401),
 * then the session limits (503 for the instance, 429 for the token).
 */
@ApplicationScoped
public class StreamGate {

  private static final Logger LOG = Logger.getLogger(StreamGate.class.getName());

  @Inject OriginPolicy origins;

  @Inject TokenStore tokens;

  @Inject TicketBooth tickets;

  @Inject SessionLimits limits;

  @Inject StreamMetrics metrics;

  /**
   * @throws Refused with the status to answer
   */
  public Admission admit(Map<String, List<String>> headers, Map<String, List<String>> query) {
    List<String> origin = values(headers, "Origin");
    if (origin.size() > 1
        || !origins.allows(origin.isEmpty() ? null : origin.get(0), first(headers, "Host"))) {
      LOG.log(Level.INFO, "Upgrade refused (403): origin {0} is not allowed", origin);
      metrics.refused(Refusal.ORIGIN);
      throw new Refused(Refusal.ORIGIN, "origin not allowed");
    }
    TokenPrincipal principal = authenticate(headers, query).orElse(null);
    if (principal == null) {
      LOG.info("Upgrade refused (401): no valid bearer token or ticket");
      metrics.refused(Refusal.UNAUTHORIZED);
      throw new Refused(Refusal.UNAUTHORIZED, "a valid bearer token (or ticket) is required");
    }
    try {
      return limits.admit(principal);
    } catch (Refused e) {
      metrics.refused(e.refusal());
      LOG.log(
          Level.INFO,
          "Upgrade of token {0} refused ({1}): {2}",
          new Object[] {principal.name(), e.status(), e.getMessage()});
      throw e;
    }
  }

  private Optional<TokenPrincipal> authenticate(
      Map<String, List<String>> headers, Map<String, List<String>> query) {
    List<String> authorization = values(headers, "Authorization");
    List<String> ticket = query.getOrDefault("ticket", List.of());
    try {
      if (authorization.size() == 1 && ticket.isEmpty()) {
        return BearerCredentials.secretOf(authorization.get(0)).flatMap(tokens::authenticate);
      }
      if (authorization.isEmpty() && ticket.size() == 1) {
        return tickets.redeem(ticket.get(0));
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Upgrade refused (503): the token store is unavailable", e);
      metrics.refused(Refusal.STORE_UNAVAILABLE);
      throw new Refused(Refusal.STORE_UNAVAILABLE, "the token store is unavailable, retry later");
    }
  }

  /** Whether an admitted token is still valid: it may have been withdrawn since its upgrade. */
  public boolean stillValid(TokenPrincipal principal) {
    return tokens.stillValid(principal.name());
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> all = values(headers, name);
    return all.isEmpty() ? null : all.get(0);
  }

  private static List<String> values(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase(name))
        .flatMap(header -> header.getValue().stream())
        .toList();
  }
}
