package com.signalhub.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
                " bot-1:subscriber:aaaaaaaaaaaaaaaa , feed:publisher:bbbbbbbbbbbbbbbb,")
            .tokens();
    assertEquals(2, tokens.size());
    assertEquals(new TokenPrincipal("bot-1", Role.SUBSCRIBER), tokens.get(0).principal());
    assertEquals(new TokenPrincipal("feed", Role.PUBLISHER), tokens.get(1).principal());
    assertEquals(Secrets.hash("aaaaaaaaaaaaaaaa"), tokens.get(0).secretHash());
    assertEquals(64, tokens.get(0).secretHash().length(), "SHA-256, in hex");
  }

  @Test
  void emptySettingMeansNoTokens() {
    assertTrue(ConfiguredToken.parseAll("").tokens().isEmpty());
    assertTrue(ConfiguredToken.parseAll(" , ").tokens().isEmpty());
    assertTrue(ConfiguredToken.parseAll(" , ").problems().isEmpty());
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
        "keep:publisher:cccccccccccccccc,keep:subscriber:aaaaaaaaaaaaaaaa",
        "keep:publisher:cccccccccccccccc,renamed:subscriber:cccccccccccccccc"
      })
  void aBadEntryIsSkippedWithoutShowingItsSecretAndTheOthersAreKept(String bad) {
    ConfiguredToken.Parsed parsed =
        ConfiguredToken.parseAll(
            "first:admin:dddddddddddddddd," + bad + ",last:admin:eeeeeeeeeeeeeeee");
    List<String> names = parsed.tokens().stream().map(t -> t.principal().name()).toList();
    assertTrue(names.contains("first") && names.contains("last"), names.toString());
    assertFalse(names.contains("bot") || names.contains("renamed"), names.toString());
    assertEquals(1, parsed.problems().size(), parsed.problems().toString());
    String problem = parsed.problems().get(0);
    assertTrue(problem.startsWith("signalhub.tokens entry "), problem);
    for (String secret : List.of("aaaaaaaaaaaaaaaa", "cccccccccccccccc", "tiny1")) {
      assertFalse(problem.contains(secret), problem);
    }
  }

  @Test
  void ofTwoEntriesWithOneNameTheFirstIsKept() {
    ConfiguredToken.Parsed parsed =
        ConfiguredToken.parseAll("bot:publisher:cccccccccccccccc,bot:subscriber:aaaaaaaaaaaaaaaa");
    assertEquals(
        List.of(new TokenPrincipal("bot", Role.PUBLISHER)),
        parsed.tokens().stream().map(ConfiguredToken::principal).toList());
  }
}
