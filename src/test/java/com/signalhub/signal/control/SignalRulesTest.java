package com.signalhub.signal.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.signalhub.signal.entity.InvalidSignalException;
import com.signalhub.signal.entity.SignalRequest;
import com.signalhub.signal.entity.SignalType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalRulesTest {

  private final SignalRules rules = new SignalRules();

  {
    rules.symbolMaxLength = 12;
    rules.priceMaxScale = 4;
    rules.priceMaxIntegerDigits = 6;
  }

  private static SignalRequest request(String symbol, String price, Long timestamp) {
    return new SignalRequest(
        SignalType.BUY, symbol, price == null ? null : new BigDecimal(price), timestamp, false);
  }

  @Test
  void aWellFormedSignalPasses() {
    assertDoesNotThrow(() -> rules.check(request("BTCUSDT", "75000.00", 1720000000L)));
    assertDoesNotThrow(() -> rules.check(request("BTC-USD/X.1", "0.0001", null)));
    assertDoesNotThrow(() -> rules.check(request("ABCDEFGHIJKL", "999999.9999", null)));
  }

  @ParameterizedTest(name = "symbol [{0}] price [{1}] timestamp [{2}] -> {3}")
  @CsvSource(
      nullValues = "null",
      value = {
        "null,       1,           null,          content.symbol",
        "'   ',      1,           null,          content.symbol",
        "ABCDEFGHIJKLM, 1,        null,          content.symbol",
        "BTC USDT,   1,           null,          content.symbol",
        "<script>,   1,           null,          content.symbol",
        "BTCUSDT,    null,        null,          content.price",
        "BTCUSDT,    0,           null,          content.price",
        "BTCUSDT,    -1.5,        null,          content.price",
        "BTCUSDT,    0.00001,     null,          content.price",
        "BTCUSDT,    1000000,     null,          content.price",
        "BTCUSDT,    1E+999999,   null,          content.price",
        "BTCUSDT,    1,           0,             content.timestamp",
        "BTCUSDT,    1,           -5,            content.timestamp",
        "BTCUSDT,    1,           1720000000000, content.timestamp"
      })
  void aBrokenRuleNamesItsField(String symbol, String price, Long timestamp, String field) {
    InvalidSignalException e =
        assertThrows(
            InvalidSignalException.class, () -> rules.check(request(symbol, price, timestamp)));
    assertEquals(field, e.field());
  }

  @Test
  void aMissingTypeIsNamed() {
    InvalidSignalException e =
        assertThrows(
            InvalidSignalException.class,
            () -> rules.check(new SignalRequest(null, "BTCUSDT", BigDecimal.ONE, null, false)));
    assertEquals("type", e.field());
  }

  @Test
  void millisecondsAreCalledOutAsSuch() {
    InvalidSignalException e =
        assertThrows(
            InvalidSignalException.class,
            () -> rules.check(request("BTCUSDT", "1", 1720000000123L)));
    assertEquals("timestamp looks like milliseconds: send Unix time in seconds", e.getMessage());
  }
}
