package com.signalhub.ingest.control;

import com.signalhub.signal.entity.InvalidSignalException;
import java.util.regex.Pattern;

/**
 * The one rule for a producer's idempotency key, whichever way it arrives (header, JMS property).
 */
public final class IdempotencyKeys {

  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

  private IdempotencyKeys() {}

  /**
   * @param field where the key came from, named in the error
   * @return the key, or null when none was given
   */
  public static String check(String field, String key) {
    if (key != null && !KEY.matcher(key).matches()) {
      throw new InvalidSignalException(field, field + " must be 1 to 128 visible ASCII characters");
    }
    return key;
  }
}
