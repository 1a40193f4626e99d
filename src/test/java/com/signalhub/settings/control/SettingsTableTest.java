package com.signalhub.settings.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "Checked at start" table says what the check allows, setting by setting. */
class SettingsTableTest {

  @Test
  void everyRuleHasItsRowInTheReadme() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (Rule rule : SettingsCheck.RULES) {
      String row =
          rule.kind() == Rule.Kind.TEXT
              ? "| `" + rule.key() + "` | "
              : "| `" + rule.key() + "` | " + rule.allowed() + " |";
      assertTrue(readme.contains(row), "README lacks the row " + row);
    }
  }
}
