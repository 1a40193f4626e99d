package com.signalhub.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The components' dependencies, read from the sources' imports: nothing depends on {@code ops} (it
 * reads the others), {@code signal} on no other component, the sources never on the stream, and no
 * cycle anywhere.
 */
class ComponentDependenciesTest {

  private static final Path MAIN = Path.of("src/main/java/com/signalhub");
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?com\\.signalhub\\.(\\w+)\\.");
  private static final Set<String> SHARED = Set.of("platform");

  private static Map<String, Set<String>> uses;

  @BeforeAll
  static void read() throws IOException {
    uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(ComponentDependenciesTest::scan);
    }
  }

  private static void scan(Path file) {
    String component = MAIN.relativize(file).getName(0).toString();
    Set<String> used = uses.computeIfAbsent(component, c -> new TreeSet<>());
    try {
      for (String line : Files.readAllLines(file)) {
        Matcher m = IMPORT.matcher(line);
        if (m.find() && !m.group(1).equals(component)) {
          used.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void nothingDependsOnOps() {
    uses.forEach(
        (component, used) -> assertFalse(used.contains("ops"), component + " imports ops"));
  }

  @Test
  void signalDependsOnNoOtherComponent() {
    Set<String> used = new TreeSet<>(uses.get("signal"));
    used.removeAll(SHARED);
    assertEquals(Set.of(), used);
  }

  @Test
  void sourcesNeverReachIntoTheStreamNorTheStreamIntoTheSources() {
    assertFalse(uses.get("ingest").contains("stream"));
    assertFalse(uses.get("ingest").contains("fanout"));
    assertFalse(uses.get("stream").contains("ingest"));
  }

  @Test
  void noComponentDependsOnItselfThroughOthers() {
    for (String start : uses.keySet()) {
      Deque<String> todo = new ArrayDeque<>(uses.get(start));
      Set<String> seen = new HashSet<>();
      while (!todo.isEmpty()) {
        String next = todo.pop();
        assertTrue(!next.equals(start), "a cycle through " + start + ": " + uses);
        if (seen.add(next)) {
          todo.addAll(uses.getOrDefault(next, Set.of()));
        }
      }
    }
  }
}
