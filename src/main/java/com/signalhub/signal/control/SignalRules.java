package com.signalhub.signal.control;

import com.signalhub.signal.entity.InvalidSignalException;
import com.signalhub.signal.entity.SignalRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What makes a signal acceptable, whatever its source. */
@ApplicationScoped
public class SignalRules {

  /** Beyond this a "seconds" timestamp is really milliseconds (year 5138 in seconds). */
  static final long MAX_EPOCH_SECONDS = 99_999_999_999L;

  private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._:/-]+");

  @Inject
  @ConfigProperty(name = "signalhub.signal.symbol-max-length", defaultValue = "32")
  int symbolMaxLength;

  @Inject
  @ConfigProperty(name = "signalhub.signal.price-max-integer-digits", defaultValue = "15")
  int priceMaxIntegerDigits;

  @Inject
  @ConfigProperty(name = "signalhub.signal.price-max-scale", defaultValue = "12")
  int priceMaxScale;

  /**
   * @throws InvalidSignalException naming the first field that breaks a rule
   */
  public void check(SignalRequest request) {
    if (request.type() == null) {
      throw new InvalidSignalException("type", "type is required: \"buy\" or \"sell\"");
    }
    checkSymbol(request.symbol());
    checkPrice(request.price());
    checkTimestamp(request.timestamp());
  }

  private void checkSymbol(String symbol) {
    if (symbol == null || symbol.isBlank()) {
      throw new InvalidSignalException("content.symbol", "symbol is required");
    }
    if (symbol.length() > symbolMaxLength) {
      throw new InvalidSignalException(
          "content.symbol", "symbol is longer than " + symbolMaxLength + " characters");
    }
    if (!SYMBOL.matcher(symbol).matches()) {
      throw new InvalidSignalException(
          "content.symbol", "symbol may contain only letters, digits and . _ : / -");
    }
  }

  private void checkPrice(BigDecimal price) {
    if (price == null) {
      throw new InvalidSignalException("content.price", "price is required");
    }
    if (price.signum() <= 0) {
      throw new InvalidSignalException("content.price", "price must be greater than 0");
    }
    if (price.scale() > priceMaxScale) {
      throw new InvalidSignalException(
          "content.price", "price has more than " + priceMaxScale + " decimal places");
    }
    if (price.precision() - price.scale() > priceMaxIntegerDigits) {
      throw new InvalidSignalException(
          "content.price",
          "price has more than " + priceMaxIntegerDigits + " digits before the decimal point");
    }
  }

  private static void checkTimestamp(Long timestamp) {
    if (timestamp == null) {
      return;
    }
    if (timestamp <= 0) {
      throw new InvalidSignalException(
          "content.timestamp", "timestamp must be a positive Unix time in seconds");
    }
    if (timestamp > MAX_EPOCH_SECONDS) {
      throw new InvalidSignalException(
          "content.timestamp", "timestamp looks like milliseconds: send Unix time in seconds");
    }
  }
}
