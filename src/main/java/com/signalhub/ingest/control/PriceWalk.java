package com.signalhub.ingest.control;

import com.signalhub.signal.entity.SignalRequest;
import com.signalhub.signal.entity.SignalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Simulated market: each call moves the next symbol's price by up to ±0.5% and signals buy on a
 * rise, sell on a fall. Not thread-safe; one timer drives it.
 */
public final class PriceWalk {

  private static final Map<String, BigDecimal> KNOWN_PRICES =
      Map.of("BTCUSDT", new BigDecimal("75000.00"), "ETHUSDT", new BigDecimal("3500.00"));
  private static final BigDecimal DEFAULT_PRICE = new BigDecimal("100.00");
  private static final double MAX_MOVE = 0.005;

  private final Map<String, BigDecimal> prices = new LinkedHashMap<>();
  private final List<String> symbols;
  private final RandomGenerator random;
  private int next;

  public PriceWalk(List<String> symbols, RandomGenerator random) {
    if (symbols.isEmpty()) {
      throw new IllegalArgumentException("at least one symbol is needed");
    }
    this.symbols = List.copyOf(symbols);
    this.random = random;
    symbols.forEach(symbol -> prices.put(symbol, KNOWN_PRICES.getOrDefault(symbol, DEFAULT_PRICE)));
  }

  public SignalRequest next() {
    String symbol = symbols.get(next);
    next = (next + 1) % symbols.size();
    BigDecimal before = prices.get(symbol);
    double move = (random.nextDouble() * 2 - 1) * MAX_MOVE;
    BigDecimal after =
        before.multiply(BigDecimal.valueOf(1 + move)).setScale(2, RoundingMode.HALF_EVEN);
    if (after.signum() <= 0) {
      after = before;
    }
    prices.put(symbol, after);
    SignalType type = after.compareTo(before) >= 0 ? SignalType.BUY : SignalType.SELL;
    return new SignalRequest(type, symbol, after, null, false);
  }
}
