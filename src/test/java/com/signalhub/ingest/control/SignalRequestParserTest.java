package com.signalhub.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.signalhub.signal.entity.InvalidSignalException;
import com.signalhub.signal.entity.SignalRequest;
import com.signalhub.signal.entity.SignalType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalRequestParserTest {

  @Test
  void readsTheWireShape() {
    SignalRequest request =
        SignalRequestParser.parse(
            "{\"type\":\"sell\",\"content\":{\"symbol\":\"ETHUSDT\",\"price\":3500.10,"
                + "\"timestamp\":1720000000},\"is_test\":true,\"extra\":[1]}");
    assertEquals(SignalType.SELL, request.type());
    assertEquals("ETHUSDT", request.symbol());
    assertEquals(new BigDecimal("3500.10"), request.price());
    assertEquals(2, request.price().scale(), "decimals are kept as given");
    assertEquals(1720000000L, request.timestamp());
    assertTrue(request.test());
  }

  @Test
  void timestampAndTestFlagAreOptional() {
    SignalRequest request =
        SignalRequestParser.parse(
            "{\"type\":\"buy\",\"content\":{\"symbol\":\"BTCUSDT\",\"price\":75000.00}}");
    assertNull(request.timestamp());
    assertFalse(request.test());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\":\"buy\"                                         | body",
        "{\"type\":\"buy\"}                                        | content",
        "[1,2]                                                     | body",
        "''                                                        | body",
        "\"buy\"                                                   | body",
        "{\"content\":{\"symbol\":\"X\",\"price\":1}}              | type",
        "{\"type\":\"hold\",\"content\":{\"symbol\":\"X\",\"price\":1}} | type",
        "{\"type\":\"BUY\",\"content\":{\"symbol\":\"X\",\"price\":1}}  | type",
        "{\"type\":1,\"content\":{\"symbol\":\"X\",\"price\":1}}   | type",
        "{\"type\":\"buy\",\"content\":\"X\"}                      | content",
        "{\"type\":\"buy\",\"content\":{\"symbol\":7,\"price\":1}} | content.symbol",
        "{\"type\":\"buy\",\"content\":{\"symbol\":\"X\",\"price\":\"1\"}} | content.price",
        "{\"type\":\"buy\",\"content\":{\"symbol\":\"X\",\"price\":true}}  | content.price",
        "{\"type\":\"buy\",\"content\":{\"symbol\":\"X\",\"price\":1,\"timestamp\":1.5}} | content.timestamp",
        "{\"type\":\"buy\",\"content\":{\"symbol\":\"X\",\"price\":1,\"timestamp\":\"1\"}} | content.timestamp",
        "{\"type\":\"buy\",\"content\":{\"symbol\":\"X\",\"price\":1,\"timestamp\":1e30}} | content.timestamp",
        "{\"type\":\"buy\",\"content\":{\"symbol\":\"X\",\"price\":1},\"is_test\":\"yes\"} | is_test"
      })
  void badInputNamesTheField(String body, String field) {
    InvalidSignalException e =
        assertThrows(InvalidSignalException.class, () -> SignalRequestParser.parse(body));
    assertEquals(field, e.field(), e.getMessage());
  }

  @Test
  void missingValuesAreLeftForTheRulesToName() {
    SignalRequest request =
        SignalRequestParser.parse("{\"type\":\"buy\",\"content\":{\"symbol\":null}}");
    assertNull(request.symbol());
    assertNull(request.price());
  }
}
