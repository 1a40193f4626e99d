package com.signalhub.fanout.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's table of how the stream ends a connection says what {@link Disconnect} does: every
 * kind has its row (close code, reason, whether to retry), and every close code the table names
 * belongs to one.
 */
class DisconnectTableTest {

  private static final Pattern CLOSE_ROW =
      Pattern.compile("^\\| (.+?) \\| close `(\\d{4})`[^|]* \\| `([^`]+)` \\| (.+?) \\|$");

  private static List<String[]> closeRows() throws Exception {
    return Files.readAllLines(Path.of("README.md")).stream()
        .map(CLOSE_ROW::matcher)
        .filter(Matcher::matches)
        .map(m -> new String[] {m.group(1), m.group(2), m.group(3), m.group(4)})
        .toList();
  }

  /** The reason's fixed part: up to its first placeholder. */
  private static String prefix(Disconnect disconnect) {
    String pattern = disconnect.reasonPattern();
    int placeholder = pattern.indexOf('%');
    return placeholder < 0 ? pattern : pattern.substring(0, placeholder);
  }

  @Test
  void everyWayAConnectionEndsHasItsRowWithCodeReasonAndRetryAdvice() throws Exception {
    List<String[]> rows = closeRows();
    for (Disconnect disconnect : Disconnect.values()) {
      String[] row =
          rows.stream()
              .filter(r -> r[2].startsWith(prefix(disconnect)))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no README row for " + disconnect));
      assertEquals(Integer.toString(disconnect.code()), row[1], disconnect + "'s close code");
      boolean saysRetry = row[3].startsWith("yes");
      assertEquals(disconnect.retry(), saysRetry, disconnect + "'s retry advice: " + row[3]);
    }
  }

  @Test
  void everyCloseTheTableNamesIsOneOfThem() throws Exception {
    for (String[] row : closeRows()) {
      boolean known = false;
      for (Disconnect disconnect : Disconnect.values()) {
        known |=
            row[2].startsWith(prefix(disconnect))
                && row[1].equals(Integer.toString(disconnect.code()));
      }
      assertTrue(known, "README row without a Disconnect: " + String.join(" | ", row));
    }
  }
}
