package com.signalhub.auth.control;

import com.signalhub.auth.entity.TokenPrincipal;
import com.signalhub.auth.entity.TokensWithdrawn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The valid tokens, by the hash of their secret, in memory: an upgrade or a request is
 * authenticated without a database round trip (a connect storm of thousands per second would queue
 * on the database). The store is the truth: {@link #refresh} reloads it every {@code
 * signalhub.auth.refresh-interval-ms} on every instance, and at once on the instance where a token
 * was created or revoked; tokens that stopped being valid are announced ({@link TokensWithdrawn})
 * so their sessions close. An unknown secret is looked up in the store once per refresh (a token
 * just created on another instance), never more.
 */
@ApplicationScoped
public class TokenCache implements TokenStore {

  private static final Logger LOG = Logger.getLogger(TokenCache.class.getName());
  private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

  @Inject TokenRegistry registry;

  @Inject Event<TokensWithdrawn> withdrawn;

  private volatile Map<String, CachedToken> byHash; // null until the store was read once
  private volatile Map<String, CachedToken> byName = new ConcurrentHashMap<>();
  private final Set<String> missed = ConcurrentHashMap.newKeySet(); // unknown hashes looked up
  private final Set<String> used = ConcurrentHashMap.newKeySet(); // names used since the refresh
  private final LastUseThrottle lastUse = new LastUseThrottle(LAST_USE_RESOLUTION);
  private boolean storeDown;

  @Override
  public Optional<TokenPrincipal> authenticate(String secret) {
    Map<String, CachedToken> tokens = byHash;
    if (tokens == null) {
      refresh(); // the store was never read (down at start): its failure answers this request
      tokens = byHash;
    }
    String hash = Secrets.hash(secret);
    CachedToken token = tokens.get(hash);
    if (token == null && missed.add(hash)) {
      token = registry.validByHash(hash).orElse(null); // maybe created on another instance
      if (token != null) {
        tokens.put(hash, token);
        byName.put(token.principal().name(), token);
      }
    }
    if (token == null || !token.validAt(Instant.now())) {
      return Optional.empty();
    }
    used.add(token.principal().name());
    return Optional.of(token.principal());
  }

  /**
   * Whether the token of this name is valid now. A session joins some time after its upgrade was
   * authenticated, and a withdrawal announced in between cannot close it: it asks this once joined.
   * A name not loaded here is asked of the store: revoked, or created on another instance since the
   * last refresh (a ticket issued there). A store that cannot answer keeps the session, as it keeps
   * every session until revocations can be read again.
   */
  @Override
  public boolean stillValid(String name) {
    CachedToken token = byName.get(name);
    if (token != null) {
      return token.validAt(Instant.now());
    }
    try {
      return registry.valid(name).isPresent();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Token store unavailable; token " + name + " taken as valid", e);
      return true;
    }
  }

  /**
   * Reloads the valid tokens from the store, announces those withdrawn since the last load, and
   * records the last use of those used since (once a minute per token at most).
   *
   * @throws RuntimeException when the store cannot be read (the cache keeps what it had)
   */
  public synchronized void refresh() {
    Instant now = Instant.now();
    List<CachedToken> valid = registry.validTokens(now);
    Map<String, CachedToken> fresh = new ConcurrentHashMap<>();
    Map<String, CachedToken> freshByName = new ConcurrentHashMap<>();
    valid.forEach(
        token -> {
          fresh.put(token.secretHash(), token);
          freshByName.put(token.principal().name(), token);
        });
    Set<String> gone = new HashSet<>(byName.keySet()); // empty before the first load
    gone.removeAll(freshByName.keySet());
    byName = freshByName; // before the announcement below: a session joining after it sees this
    byHash = fresh;
    missed.clear();
    if (!gone.isEmpty()) {
      withdrawn.fire(new TokensWithdrawn(Set.copyOf(gone)));
    }
    recordUses(now);
  }

  /** As {@link #refresh}, but a store that cannot be read is logged once per outage. */
  public void refreshQuietly() {
    try {
      refresh();
      storeDown = false;
    } catch (RuntimeException e) {
      if (!storeDown) {
        LOG.log(Level.WARNING, "Token store unavailable: revocations wait until it is back", e);
      }
      storeDown = true;
    }
  }

  private void recordUses(Instant now) {
    Set<String> names = new HashSet<>();
    for (String name : used) {
      used.remove(name);
      if (lastUse.claim(name, now)) {
        names.add(name);
      }
    }
    if (!names.isEmpty()) {
      registry.recordUse(names, now);
    }
  }
}
