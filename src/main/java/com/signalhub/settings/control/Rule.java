package com.signalhub.settings.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What one {@code signalhub.*} setting may be: a whole number in a range (a power of two for some),
 * a boolean, or free text. Says what is wrong with a value in words an operator can act on, never
 * quoting free text (it may hold a secret).
 */
public record Rule(String key, Kind kind, long min, long max) {

  public enum Kind {
    NUMBER,
    POWER_OF_TWO,
    BOOLEAN,
    TEXT
  }

  private static final Set<String> BOOLEANS =
      Set.of("true", "false", "yes", "no", "y", "n", "on", "off", "1", "0");
  private static final Set<String> TRUE = Set.of("true", "yes", "y", "on", "1");

  static Rule number(String key, long min, long max) {
    return new Rule(key, Kind.NUMBER, min, max);
  }

  static Rule powerOfTwo(String key, long min, long max) {
    return new Rule(key, Kind.POWER_OF_TWO, min, max);
  }

  static Rule bool(String key) {
    return new Rule(key, Kind.BOOLEAN, 0, 1);
  }

  static Rule text(String key) {
    return new Rule(key, Kind.TEXT, 0, 0);
  }

  /**
   * What the value's problem is, or empty when it is allowed. Exactly as configured: the container
   * converts it untrimmed, so " 5" is refused here rather than by a failed injection later.
   */
  public Optional<String> problem(String raw) {
    String value = raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
    switch (kind) {
      case TEXT:
        return Optional.empty();
      case BOOLEAN:
        return BOOLEANS.contains(raw.toLowerCase(Locale.ROOT))
            ? Optional.empty()
            : Optional.of("'" + value + "' is not a boolean");
      default:
        long number;
        try {
          number = Long.parseLong(raw);
        } catch (NumberFormatException e) {
          return Optional.of("'" + value + "' is not a whole number");
        }
        if (number < min || number > max) {
          return Optional.of(number + " is out of range");
        }
        if (kind == Kind.POWER_OF_TWO && Long.bitCount(number) != 1) {
          return Optional.of(number + " is not a power of two");
        }
        return Optional.empty();
    }
  }

  /** The allowed values, for the log line and the README. */
  public String allowed() {
    return switch (kind) {
      case NUMBER -> "a whole number from " + min + " to " + max;
      case POWER_OF_TWO -> "a power of two from " + min + " to " + max;
      case BOOLEAN -> "true or false";
      case TEXT -> "any text";
    };
  }

  /** The value as a number (only for a value {@link #problem} accepts). */
  long asNumber(String raw) {
    return kind == Kind.BOOLEAN
        ? (TRUE.contains(raw.toLowerCase(Locale.ROOT)) ? 1 : 0)
        : Long.parseLong(raw);
  }
}
