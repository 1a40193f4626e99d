package com.signalhub.auth.control;

import com.signalhub.auth.entity.ApiToken;
import com.signalhub.auth.entity.IssuedToken;
import com.signalhub.auth.entity.Role;
import com.signalhub.auth.entity.TokenConflictException;
import com.signalhub.auth.entity.TokenPrincipal;
import com.signalhub.auth.entity.TokenView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The token store, in the database (shared by every instance): tokens by the hash of their secret,
 * with expiry, revocation and last use.
 */
@ApplicationScoped
@Transactional
public class TokenRegistry implements TokenStore {

  /* A last-use write per token per minute at most, not one per request. */
  private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

  @PersistenceContext(unitName = "signalhub")
  EntityManager em;

  private final LastUseThrottle lastUse = new LastUseThrottle(LAST_USE_RESOLUTION);

  @Override
  public Optional<TokenPrincipal> authenticate(String secret) {
    Instant now = Instant.now();
    Optional<ApiToken> token = byHash(Secrets.hash(secret)).filter(t -> t.validAt(now));
    token.ifPresent(t -> recordUse(t, now));
    return token.map(ApiToken::principal);
  }

  /** The principal of a token that is valid now, by name. */
  public Optional<TokenPrincipal> valid(String name) {
    Instant now = Instant.now();
    return byName(name).filter(t -> t.validAt(now)).map(ApiToken::principal);
  }

  public IssuedToken create(String name, Role role, Instant expires) {
    if (byName(name).isPresent()) {
      throw new TokenConflictException(name);
    }
    String secret = Secrets.generate();
    ApiToken token = new ApiToken(name, role, Secrets.hash(secret), Instant.now(), expires, "api");
    em.persist(token);
    return new IssuedToken(token.view(), secret);
  }

  public List<TokenView> list() {
    return em.createQuery("select t from ApiToken t order by t.id", ApiToken.class)
        .getResultStream()
        .map(ApiToken::view)
        .toList();
  }

  public Optional<TokenView> revoke(String name) {
    Optional<ApiToken> token = byName(name);
    token.ifPresent(t -> t.revoke(Instant.now()));
    return token.map(ApiToken::view);
  }

  /** Those of {@code names} that are revoked, expired or gone. */
  public Set<String> withdrawn(Collection<String> names) {
    if (names.isEmpty()) {
      return Set.of();
    }
    Instant now = Instant.now();
    Set<String> valid = new HashSet<>();
    em.createQuery("select t from ApiToken t where t.name in :names", ApiToken.class)
        .setParameter("names", names)
        .getResultStream()
        .filter(t -> t.validAt(now))
        .forEach(t -> valid.add(t.name()));
    Set<String> withdrawn = new HashSet<>(names);
    withdrawn.removeAll(valid);
    return withdrawn;
  }

  /** Adds or updates the tokens of signalhub.tokens; a revoked one stays revoked. */
  void seed(List<ConfiguredToken> configured) {
    for (ConfiguredToken entry : configured) {
      TokenPrincipal principal = entry.principal();
      String hash = entry.secretHash();
      Optional<ApiToken> existing = byName(principal.name());
      if (existing.isPresent()) {
        existing.get().reseed(principal.role(), hash);
      } else {
        em.persist(
            new ApiToken(principal.name(), principal.role(), hash, Instant.now(), null, "config"));
      }
    }
  }

  long validCount() {
    Instant now = Instant.now();
    return em.createQuery("select t from ApiToken t", ApiToken.class)
        .getResultStream()
        .filter(t -> t.validAt(now))
        .count();
  }

  private void recordUse(ApiToken token, Instant now) {
    if (lastUse.claim(token.name(), now)) {
      token.usedAt(now);
    }
  }

  private Optional<ApiToken> byHash(String hash) {
    return em.createQuery("select t from ApiToken t where t.secretHash = :hash", ApiToken.class)
        .setParameter("hash", hash)
        .getResultStream()
        .findFirst();
  }

  private Optional<ApiToken> byName(String name) {
    return em.createQuery("select t from ApiToken t where t.name = :name", ApiToken.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }
}
