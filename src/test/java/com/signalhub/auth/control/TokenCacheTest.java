package com.signalhub.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.signalhub.auth.entity.Role;
import com.signalhub.auth.entity.TokenPrincipal;
import com.signalhub.auth.entity.TokensWithdrawn;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

  /** The store: the tokens valid now, and how often it was asked. */
  private static final class Store extends TokenRegistry {
    final Map<String, CachedToken> valid = new HashMap<>();
    int byHash;
    final List<Set<String>> uses = new ArrayList<>();

    void add(String name, String secret, Long expiresAtMillis) {
      valid.put(
          Secrets.hash(secret),
          new CachedToken(
              new TokenPrincipal(name, Role.SUBSCRIBER), Secrets.hash(secret), expiresAtMillis));
    }

    @Override
    public List<CachedToken> validTokens(Instant now) {
      return valid.values().stream().filter(t -> t.validAt(now)).toList();
    }

    @Override
    public Optional<CachedToken> validByHash(String hash) {
      byHash++;
      return Optional.ofNullable(valid.get(hash));
    }

    @Override
    public Optional<TokenPrincipal> valid(String name) {
      Instant now = Instant.now();
      return valid.values().stream()
          .filter(t -> t.principal().name().equals(name) && t.validAt(now))
          .map(CachedToken::principal)
          .findFirst();
    }

    @Override
    public void recordUse(Set<String> names, Instant now) {
      uses.add(names);
    }
  }

  private final Store store = new Store();
  private final List<Set<String>> withdrawn = new ArrayList<>();
  private final TokenCache cache = new TokenCache();

  @BeforeEach
  void wire() {
    cache.registry = store;
    cache.withdrawn = new Recorded(withdrawn);
    store.add("bot-1", "secret-of-bot-1-0001", null);
    store.add("bot-2", "secret-of-bot-2-0001", null);
    cache.refresh();
  }

  @Test
  void aKnownSecretIsAuthenticatedWithoutAskingTheStore() {
    assertEquals("bot-1", cache.authenticate("secret-of-bot-1-0001").orElseThrow().name());
    assertEquals(0, store.byHash);
  }

  @Test
  void anUnknownSecretIsLookedUpOncePerRefreshAndATokenCreatedElsewhereIsFound() {
    for (int i = 0; i < 100; i++) {
      assertTrue(cache.authenticate("no-such-secret-000001").isEmpty());
    }
    assertEquals(1, store.byHash, "a storm of bad secrets costs one query per refresh");
    store.add("bot-3", "secret-of-bot-3-0001", null); // created on another instance
    assertEquals("bot-3", cache.authenticate("secret-of-bot-3-0001").orElseThrow().name());
    cache.refresh();
    assertTrue(cache.authenticate("no-such-secret-000001").isEmpty());
    assertEquals(3, store.byHash);
  }

  @Test
  void aTokenRevokedInTheStoreIsWithdrawnAtTheNextRefresh() {
    store.valid.remove(Secrets.hash("secret-of-bot-2-0001"));
    cache.refresh();
    assertEquals(List.of(Set.of("bot-2")), withdrawn);
    assertTrue(cache.authenticate("secret-of-bot-2-0001").isEmpty());
    assertTrue(cache.authenticate("secret-of-bot-1-0001").isPresent());
  }

  @Test
  void anExpiredTokenIsRefusedAtOnceAndWithdrawnAtTheNextRefresh() {
    store.add("short", "secret-of-short-0001", Instant.now().plusSeconds(3600).toEpochMilli());
    cache.refresh();
    assertTrue(cache.authenticate("secret-of-short-0001").isPresent());
    store.add("short", "secret-of-short-0001", Instant.now().minusSeconds(1).toEpochMilli());
    cache.refresh();
    assertEquals(List.of(Set.of("short")), withdrawn);
    assertTrue(cache.authenticate("secret-of-short-0001").isEmpty());
  }

  @Test
  void aTokenIsNoLongerValidByNameWhenItsWithdrawalIsAnnounced() {
    List<Boolean> validWhenAnnounced = new ArrayList<>();
    cache.withdrawn =
        new Recorded(withdrawn, names -> validWhenAnnounced.add(cache.stillValid("bot-2")));
    assertTrue(cache.stillValid("bot-2"));
    store.valid.remove(Secrets.hash("secret-of-bot-2-0001"));
    cache.refresh();
    assertEquals(List.of(false), validWhenAnnounced, "a session joining now must see it gone");
    assertTrue(cache.stillValid("bot-1"));
    assertFalse(cache.stillValid("never-existed"));
  }

  @Test
  void aTokenCreatedOnAnotherInstanceSinceTheRefreshIsValidByName() {
    store.add("bot-3", "secret-of-bot-3-0001", null); // its ticket may be redeemed here at once
    assertTrue(cache.stillValid("bot-3"));
    store.valid.remove(Secrets.hash("secret-of-bot-3-0001"));
    assertFalse(cache.stillValid("bot-3"), "revoked there before this instance loaded it");
  }

  @Test
  void lastUseIsRecordedAtTheRefreshOncePerTokenAndMinute() {
    cache.authenticate("secret-of-bot-1-0001");
    cache.authenticate("secret-of-bot-1-0001");
    cache.refresh();
    cache.authenticate("secret-of-bot-1-0001");
    cache.refresh();
    assertEquals(List.of(Set.of("bot-1")), store.uses);
  }

  /** An Event that records what is fired, and calls an observer. */
  private record Recorded(List<Set<String>> fired, Consumer<Set<String>> observer)
      implements Event<TokensWithdrawn> {

    Recorded(List<Set<String>> fired) {
      this(fired, names -> {});
    }

    @Override
    public void fire(TokensWithdrawn event) {
      fired.add(event.names());
      observer.accept(event.names());
    }

    @Override
    public <U extends TokensWithdrawn> CompletionStage<U> fireAsync(U event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends TokensWithdrawn> CompletionStage<U> fireAsync(
        U event, NotificationOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Event<TokensWithdrawn> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends TokensWithdrawn> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends TokensWithdrawn> Event<U> select(
        TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}
