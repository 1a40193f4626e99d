package com.signalhub.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.signalhub.auth.entity.Role;
import com.signalhub.auth.entity.TokenPrincipal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfiguredTokenStoreTest {

  private static ConfiguredTokenStore store(String setting) {
    ConfiguredTokenStore store = new ConfiguredTokenStore();
    store.setting = Optional.ofNullable(setting);
    store.load();
    return store;
  }

  @Test
  void knownSecretsAuthenticateTheirOwnerOnly() {
    ConfiguredTokenStore store =
        store("bot:subscriber:aaaaaaaaaaaaaaaa,feed:publisher:bbbbbbbbbbbbbbbb");
    assertEquals(
        Optional.of(new TokenPrincipal("bot", Role.SUBSCRIBER)),
        store.authenticate("aaaaaaaaaaaaaaaa"));
    assertEquals(
        Optional.of(new TokenPrincipal("feed", Role.PUBLISHER)),
        store.authenticate("bbbbbbbbbbbbbbbb"));
    assertTrue(store.authenticate("aaaaaaaaaaaaaaab").isEmpty());
    assertTrue(store.authenticate("aaaaaaaaaaaaaaa").isEmpty());
    assertTrue(store.authenticate("").isEmpty());
  }

  @Test
  void withNoTokensConfiguredEveryoneIsRefused() {
    assertTrue(store(null).authenticate("aaaaaaaaaaaaaaaa").isEmpty());
  }

  @Test
  void aSettingThatDoesNotParseRefusesEveryone() {
    ConfiguredTokenStore store = store("bot:subscriber:aaaaaaaaaaaaaaaa,broken");
    assertTrue(store.authenticate("aaaaaaaaaaaaaaaa").isEmpty());
  }
}
