package com.signalhub.ingest.control;

import com.signalhub.signal.entity.InvalidSignalException;
import com.signalhub.signal.entity.SignalRequest;
import com.signalhub.signal.entity.SignalType;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Reads a publish request in the wire shape {@code {"type":"buy|sell","content":{"symbol":"...",
 * "price":...,"timestamp":...},"is_test":false}}, naming the field at fault when it cannot. Checks
 * JSON types only; the business rules are {@code SignalRules}'.
 */
public final class SignalRequestParser {

  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private SignalRequestParser() {}

  public static SignalRequest parse(String json) {
    JsonObject root = object(json);
    JsonObject content = content(root);
    return new SignalRequest(
        type(root.get("type")),
        symbol(content.get("symbol")),
        price(content.get("price")),
        timestamp(content.get("timestamp")),
        isTest(root.get("is_test")));
  }

  private static JsonObject object(String json) {
    JsonStructure structure;
    try (JsonReader reader = READERS.createReader(new StringReader(json))) {
      structure = reader.read();
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidSignalException("body", "body is not valid JSON");
    }
    if (!(structure instanceof JsonObject object)) {
      throw new InvalidSignalException("body", "body must be a JSON object");
    }
    return object;
  }

  private static JsonObject content(JsonObject root) {
    if (!(root.get("content") instanceof JsonObject content)) {
      throw new InvalidSignalException("content", "content is required and must be an object");
    }
    return content;
  }

  private static SignalType type(JsonValue value) {
    if (absent(value)) {
      throw new InvalidSignalException("type", "type is required: \"buy\" or \"sell\"");
    }
    return value instanceof JsonString string
        ? SignalType.fromWire(string.getString())
            .orElseThrow(() -> new InvalidSignalException("type", unknownType(string.getString())))
        : fail("type", "type must be the string \"buy\" or \"sell\"");
  }

  private static String unknownType(String given) {
    String shown = given.length() > 32 ? given.substring(0, 32) + "…" : given;
    return "unknown type \"" + shown + "\": expected \"buy\" or \"sell\"";
  }

  private static String symbol(JsonValue value) {
    if (absent(value)) {
      return null;
    }
    return value instanceof JsonString string
        ? string.getString()
        : fail("content.symbol", "symbol must be a string");
  }

  private static BigDecimal price(JsonValue value) {
    if (absent(value)) {
      return null;
    }
    return value instanceof JsonNumber number
        ? number.bigDecimalValue()
        : fail("content.price", "price must be a JSON number (not a string)");
  }

  private static Long timestamp(JsonValue value) {
    if (absent(value)) {
      return null;
    }
    if (value instanceof JsonNumber number && number.isIntegral()) {
      try {
        return number.longValueExact();
      } catch (ArithmeticException e) {
        return fail("content.timestamp", "timestamp is out of range");
      }
    }
    return fail("content.timestamp", "timestamp must be an integer number of seconds");
  }

  private static boolean isTest(JsonValue value) {
    if (absent(value) || value.getValueType() == JsonValue.ValueType.FALSE) {
      return false;
    }
    if (value.getValueType() != JsonValue.ValueType.TRUE) {
      throw new InvalidSignalException("is_test", "is_test must be true or false");
    }
    return true;
  }

  private static boolean absent(JsonValue value) {
    return value == null || value.getValueType() == JsonValue.ValueType.NULL;
  }

  private static <T> T fail(String field, String message) {
    throw new InvalidSignalException(field, message);
  }
}
