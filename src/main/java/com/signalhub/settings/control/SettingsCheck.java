package com.signalhub.settings.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every {@code signalhub.*} setting with what it may be, and the pairs that must agree. Checked
 * once at deployment; a value that fails is reported, never replaced by a default.
 */
public final class SettingsCheck {

  private static final long SECOND_MS = 1_000;
  private static final long HOUR_MS = 3_600_000;
  private static final long DAY_S = 86_400;
  private static final long MIB = 1 << 20;

  /*
   * Tyrus buffers at most this per connection (org.glassfish.tyrus.servlet.incoming-buffer-size in
   * web.xml), and is handed reads of up to 16 KiB (the stream's GuardedInput) on top of a partial
   * frame: the largest frame admitted must leave room for one read and a frame header.
   */
  private static final long TYRUS_INCOMING_BUFFER = 65_536;
  private static final long MAX_INBOUND = TYRUS_INCOMING_BUFFER - 16_384 - 14;

  public static final List<Rule> RULES =
      List.of(
          Rule.text("signalhub.tokens"),
          Rule.number("signalhub.auth.refresh-interval-ms", 100, HOUR_MS),
          Rule.number("signalhub.tickets.ttl-seconds", 1, 3_600),
          Rule.number("signalhub.stream.max-inbound-bytes", 16, MAX_INBOUND),
          Rule.number("signalhub.stream.max-queued-frames", 1, 1_000_000),
          Rule.number("signalhub.stream.max-queued-bytes", 1_024, 1 << 30),
          Rule.number("signalhub.stream.max-inbound-per-second", 1, 10_000),
          Rule.number("signalhub.stream.max-sessions", 1, 10_000_000),
          Rule.number("signalhub.stream.max-sessions-per-token", 1, 10_000_000),
          Rule.text("signalhub.stream.allowed-origins"),
          Rule.number("signalhub.stream.ping-interval-ms", 100, HOUR_MS),
          Rule.number("signalhub.stream.pong-timeout-ms", 100, HOUR_MS),
          Rule.number("signalhub.stream.max-upgrade-wait-ms", 0, 10 * 60 * SECOND_MS),
          Rule.number("signalhub.stream.max-busy-retry-seconds", 1, 3_600),
          Rule.number("signalhub.stream.watch-interval-ms", 10, 60 * SECOND_MS),
          Rule.number("signalhub.stream.close-timeout-ms", 100, 10 * 60 * SECOND_MS),
          Rule.bool("signalhub.stream.direct-writes"),
          Rule.number("signalhub.stream.socket-send-buffer-bytes", 0, 64 * MIB),
          Rule.number("signalhub.http.max-body-bytes", 256, 16 * MIB),
          Rule.number("signalhub.http.max-pending-publishes", 1, 100_000),
          Rule.number("signalhub.jms.max-body-bytes", 256, 16 * MIB),
          Rule.number("signalhub.signal.symbol-max-length", 1, 256),
          Rule.number("signalhub.signal.price-max-scale", 0, 30),
          Rule.number("signalhub.signal.price-max-integer-digits", 1, 30),
          Rule.number("signalhub.signal.max-lag-seconds", 1, 365 * DAY_S),
          Rule.number("signalhub.signal.max-ahead-seconds", 0, DAY_S),
          Rule.bool("signalhub.simulator.enabled"),
          Rule.text("signalhub.simulator.symbols"),
          Rule.number("signalhub.simulator.interval-ms", 10, HOUR_MS),
          Rule.number("signalhub.fanout.shards", 0, 1_024),
          Rule.powerOfTwo("signalhub.fanout.ring-size", 1_024, 1 << 24),
          Rule.number("signalhub.fanout.max-round-bytes", 1_024, 64 * MIB),
          Rule.number("signalhub.replay.max-count", 1, 10_000_000),
          Rule.number("signalhub.replay.max-age-seconds", 1, 3_650 * DAY_S),
          Rule.number("signalhub.idempotency.window-seconds", 1, 365 * DAY_S),
          Rule.number("signalhub.health.timeout-ms", 100, 60 * SECOND_MS),
          Rule.number("signalhub.feed.gap-wait-ms", 1, 60 * SECOND_MS),
          Rule.number("signalhub.feed.check-interval-ms", 20, HOUR_MS),
          Rule.number("signalhub.feed.max-waiting", 1, 10_000_000),
          Rule.number("signalhub.feed.max-behind-ms", 100, HOUR_MS),
          Rule.bool("signalhub.cluster.enabled"),
          Rule.text("signalhub.cluster.topic"),
          Rule.number("signalhub.cluster.max-unsent", 1, 10_000_000),
          Rule.number("signalhub.cluster.test-drop-percent", 0, 100),
          Rule.number("signalhub.cluster.test-delay-percent", 0, 100),
          Rule.number("signalhub.cluster.test-delay-ms", 0, 60 * SECOND_MS),
          Rule.text("signalhub.instance.name"));

  private SettingsCheck() {}

  /**
   * Every problem, one line each: the key, what is wrong, what is allowed.
   *
   * @param raw a setting's value as configured (empty when not set: its default applies)
   */
  public static List<String> problems(Function<String, Optional<String>> raw) {
    List<String> problems = new ArrayList<>();
    Map<String, Long> numbers = new HashMap<>();
    for (Rule rule : RULES) {
      Optional<String> value = raw.apply(rule.key());
      if (value.isEmpty()) {
        continue;
      }
      Optional<String> problem = rule.problem(value.get());
      if (problem.isPresent()) {
        problems.add(rule.key() + ": " + problem.get() + "; allowed: " + rule.allowed());
      } else if (rule.kind() != Rule.Kind.TEXT) {
        numbers.put(rule.key(), rule.asNumber(value.get()));
      }
    }
    atMost(
        numbers,
        problems,
        "signalhub.stream.watch-interval-ms",
        "signalhub.stream.pong-timeout-ms",
        "the watch must look at least once per pong timeout");
    atMost(
        numbers,
        problems,
        "signalhub.stream.watch-interval-ms",
        "signalhub.stream.ping-interval-ms",
        "the watch must look at least once per ping interval");
    atMost(
        numbers,
        problems,
        "signalhub.fanout.max-round-bytes",
        "signalhub.stream.max-queued-bytes",
        "a round must fit in a connection's queue");
    return problems;
  }

  private static void atMost(
      Map<String, Long> numbers, List<String> problems, String small, String large, String why) {
    Long a = numbers.get(small);
    Long b = numbers.get(large);
    if (a != null && b != null && a > b) {
      problems.add(small + ": " + a + " is more than " + large + " (" + b + "): " + why);
    }
  }
}
