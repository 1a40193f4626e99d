package com.signalhub.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsCheckTest {

  private static Map<String, String> defaults() throws IOException {
    Properties shipped = new Properties();
    try (InputStream in =
        Files.newInputStream(
            Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
      shipped.load(in);
    }
    Map<String, String> values = new HashMap<>();
    shipped.forEach((k, v) -> values.put((String) k, (String) v));
    return values;
  }

  private static List<String> problemsWith(Map<String, String> values) {
    return SettingsCheck.problems(key -> Optional.ofNullable(values.get(key)));
  }

  @Test
  void theShippedDefaultsPass() throws IOException {
    assertEquals(List.of(), problemsWith(defaults()));
  }

  @Test
  void everySettingTheCodeReadsHasARule() throws IOException {
    Set<String> read = new TreeSet<>(defaults().keySet());
    Pattern property =
        Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"(signalhub\\.[^\"]+)\"");
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher matcher = property.matcher(Files.readString(source));
        while (matcher.find()) {
          read.add(matcher.group(1));
        }
      }
    }
    Set<String> ruled =
        SettingsCheck.RULES.stream().map(Rule::key).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(read, ruled);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "signalhub.stream.max-sessions | abc | 'abc' is not a whole number; allowed: a whole number"
            + " from 1 to 10000000",
        "signalhub.stream.max-inbound-bytes | -5 | -5 is out of range; allowed: a whole number from"
            + " 16 to 49138",
        "signalhub.stream.max-inbound-bytes | 60000 | 60000 is out of range",
        "signalhub.fanout.ring-size | 3000 | 3000 is not a power of two",
        "signalhub.stream.direct-writes | ture | 'ture' is not a boolean; allowed: true or false",
        "signalhub.stream.ping-interval-ms | ' 5000' | ' 5000' is not a whole number",
        "signalhub.fanout.shards | 99999999999999999999 | is not a whole number"
      })
  void aBadValueIsNamedWithItsProblemAndWhatIsAllowed(String key, String value, String expected)
      throws IOException {
    Map<String, String> values = defaults();
    values.put(key, value);
    List<String> problems = problemsWith(values);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith(key + ": "), problems.get(0));
    assertTrue(problems.get(0).contains(expected), problems.get(0));
  }

  @Test
  void aWatchSlowerThanThePongTimeoutIsRefused() throws IOException {
    Map<String, String> values = defaults();
    values.put("signalhub.stream.watch-interval-ms", "20000");
    assertEquals(
        List.of(
            "signalhub.stream.watch-interval-ms: 20000 is more than"
                + " signalhub.stream.pong-timeout-ms (10000): the watch must look at least once per"
                + " pong timeout"),
        problemsWith(values));
  }

  @Test
  void aRoundLargerThanAConnectionsQueueIsRefused() throws IOException {
    Map<String, String> values = defaults();
    values.put("signalhub.fanout.max-round-bytes", "2097152");
    List<String> problems = problemsWith(values);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("signalhub.stream.max-queued-bytes"), problems.get(0));
  }

  @Test
  void aValueOfATextSettingIsNeverQuoted() throws IOException {
    Map<String, String> values = defaults();
    values.put("signalhub.tokens", "bot:subscriber:abc");
    assertEquals(
        List.of(), problemsWith(values), "tokens are checked, entry by entry, by the seeder");
  }

  @Test
  void unsetSettingsAreLeftToTheirDefaults() {
    assertEquals(List.of(), SettingsCheck.problems(key -> Optional.empty()));
  }
}
