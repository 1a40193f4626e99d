package com.signalhub.platform;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Writes a {@link BigDecimal} as a plain JSON number exactly as given: {@code 75000.00} stays
 * {@code 75000.00} and {@code 0.00000012} does not become {@code 1.2E-7}. Prices are never rounded
 * through a double nor turned into strings.
 */
public class DecimalSerializer implements JsonbSerializer<BigDecimal> {

  @Override
  public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
    generator.write(new PlainNumber(value));
  }

  /** A JSON number whose text is {@link BigDecimal#toPlainString()} (generators write toString). */
  private record PlainNumber(BigDecimal value) implements JsonNumber {

    @Override
    public boolean isIntegral() {
      return value.scale() == 0;
    }

    @Override
    public int intValue() {
      return value.intValue();
    }

    @Override
    public int intValueExact() {
      return value.intValueExact();
    }

    @Override
    public long longValue() {
      return value.longValue();
    }

    @Override
    public long longValueExact() {
      return value.longValueExact();
    }

    @Override
    public BigInteger bigIntegerValue() {
      return value.toBigInteger();
    }

    @Override
    public BigInteger bigIntegerValueExact() {
      return value.toBigIntegerExact();
    }

    @Override
    public double doubleValue() {
      return value.doubleValue();
    }

    @Override
    public BigDecimal bigDecimalValue() {
      return value;
    }

    @Override
    public JsonValue.ValueType getValueType() {
      return JsonValue.ValueType.NUMBER;
    }

    @Override
    public String toString() {
      return value.toPlainString();
    }
  }
}
