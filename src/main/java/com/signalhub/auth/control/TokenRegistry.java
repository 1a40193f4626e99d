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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The token store, in the database (shared by every instance): tokens by the hash of their secret,
 * with expiry, revocation and last use. Requests are authenticated from its copy in memory ({@link
 * TokenCache}).
 */
@ApplicationScoped
@Transactional
public class TokenRegistry {

  @PersistenceContext(unitName = "signalhub")
  EntityManager em;

  /** Every token valid now, as the cache keeps it. */
  public List<CachedToken> validTokens(Instant now) {
    return em.createQuery("select t from ApiToken t", ApiToken.class)
        .getResultStream()
        .filter(t -> t.validAt(now))
        .map(TokenRegistry::cached)
        .toList();
  }

  /** The token with this secret hash, if it is valid now. */
  public Optional<CachedToken> validByHash(String hash) {
    Instant now = Instant.now();
    return byHash(hash).filter(t -> t.validAt(now)).map(TokenRegistry::cached);
  }

  /** These tokens were used at {@code now}. */
  public void recordUse(Set<String> names, Instant now) {
    em.createQuery("update ApiToken t set t.lastUsedAtMillis = :now where t.name in :names")
        .setParameter("now", now.toEpochMilli())
        .setParameter("names", names)
        .executeUpdate();
  }

  private static CachedToken cached(ApiToken token) {
    return new CachedToken(token.principal(), token.secretHash(), token.expiresAtMillis());
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

  /**
   * Adds or updates the tokens of signalhub.tokens (a revoked one stays revoked); one whose secret
   * another token in the store already holds (say, a token renamed in the setting) is left out and
   * named in the returned list.
   */
  List<String> seed(List<ConfiguredToken> configured) {
    List<String> refused = new ArrayList<>();
    for (ConfiguredToken entry : configured) {
      TokenPrincipal principal = entry.principal();
      String hash = entry.secretHash();
      Optional<ApiToken> holder = byHash(hash);
      if (holder.isPresent() && !holder.get().name().equals(principal.name())) {
        refused.add(
            "signalhub.tokens: "
                + principal.name()
                + " not seeded: its secret is already held by token "
                + holder.get().name()
                + " (give it a secret of its own)");
        continue;
      }
      Optional<ApiToken> existing = byName(principal.name());
      if (existing.isPresent()) {
        existing.get().reseed(principal.role(), hash);
      } else {
        em.persist(
            new ApiToken(principal.name(), principal.role(), hash, Instant.now(), null, "config"));
      }
    }
    return refused;
  }

  long validCount() {
    Instant now = Instant.now();
    return em.createQuery("select t from ApiToken t", ApiToken.class)
        .getResultStream()
        .filter(t -> t.validAt(now))
        .count();
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
