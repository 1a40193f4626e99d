package com.signalhub.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenSeederTest {

  /** A store whose first seedings fail as a commit racing another instance's does. */
  private static final class RacedStore extends TokenRegistry {
    int failuresLeft;
    int seedings;
    List<ConfiguredToken> seeded = List.of();

    @Override
    List<String> seed(List<ConfiguredToken> configured) {
      seedings++;
      if (failuresLeft-- > 0) {
        throw new PersistenceException("Unique index or primary key violation: API_TOKEN(NAME)");
      }
      seeded = configured;
      return List.of();
    }

    @Override
    long validCount() {
      return seeded.size();
    }

    @Override
    public List<CachedToken> validTokens(Instant now) {
      return List.of();
    }
  }

  private final RacedStore store = new RacedStore();
  private final TokenSeeder seeder = new TokenSeeder();

  TokenSeederTest() {
    seeder.setting = Optional.of("bot:subscriber:bot-secret-000001,ops:admin:ops-secret-000001");
    seeder.registry = store;
    seeder.cache = new TokenCache();
    seeder.cache.registry = store;
  }

  @Test
  void aSeedingThatLostTheRaceWithAnotherInstanceIsDoneAgain() {
    store.failuresLeft = 1;
    seeder.seedAtStartup(null);
    assertEquals(2, store.seedings);
    assertEquals(2, store.seeded.size(), "both tokens stored by the second seeding");
  }

  @Test
  void aStoreThatKeepsFailingStillFailsTheStart() {
    store.failuresLeft = 2;
    assertThrows(PersistenceException.class, () -> seeder.seedAtStartup(null));
    assertEquals(2, store.seedings, "once again, not forever");
  }
}
