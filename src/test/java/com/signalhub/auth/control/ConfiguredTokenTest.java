package com.signalhub.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.signalhub.auth.entity.Role;
import com.signalhub.auth.entity.TokenPrincipal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfiguredTokenTest {

  @Test
  void parsesNameRoleSecretListsAndKeepsOnlyHashes() {
    List<ConfiguredToken> tokens =
        ConfiguredToken.parseAll(
            " bot-1:subscriber:aaaaaaaaaaaaaaaa , feed:publisher:bbbbbbbbbbbbbbbb,");
    assertEquals(2, tokens.size());
    assertEquals(new TokenPrincipal("bot-1", Role.SUBSCRIBER), tokens.get(0).principal());
    assertEquals(new TokenPrincipal("feed", Role.PUBLISHER), tokens.get(1).principal());
    assertEquals(Secrets.hash("aaaaaaaaaaaaaaaa"), tokens.get(0).secretHash());
    assertEquals(64, tokens.get(0).secretHash().length(), "SHA-256, in hex");
  }

  @Test
  void emptySettingMeansNoTokens() {
    assertTrue(ConfiguredToken.parseAll("").isEmpty());
    assertTrue(ConfiguredToken.parseAll(" , ").isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "justaname",
        "bot:subscriber",
        ":subscriber:aaaaaaaaaaaaaaaa",
        "bot:root:aaaaaaaaaaaaaaaa",
        "bot:subscriber:tiny1",
        "bot:subscriber:has spaces inside it",
        "bot:subscriber:has:colons:inside:it",
        "bot:subscriber:aaaaaaaaaaaaaaaa,bot:publisher:bbbbbbbbbbbbbbbb"
      })
  void aBadEntryIsRefusedWithoutShowingItsSecret(String setting) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ConfiguredToken.parseAll(setting));
    assertTrue(e.getMessage().startsWith("signalhub.tokens entry "), e.getMessage());
    assertFalse(e.getMessage().contains("aaaaaaaaaaaaaaaa"), e.getMessage());
    assertFalse(e.getMessage().contains("tiny1"), e.getMessage());
  }
}
