package com.signalhub.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.signalhub.signal.entity.SignalRequest;
import com.signalhub.signal.entity.SignalType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PriceWalkTest {

  @Test
  void walksEachSymbolInTurnWithSmallMovesAndMatchingSide() {
    PriceWalk walk = new PriceWalk(List.of("BTCUSDT", "ETHUSDT", "NEWCOIN"), new Random(42));
    BigDecimal[] last = {
      new BigDecimal("75000.00"), new BigDecimal("3500.00"), new BigDecimal("100.00")
    };
    for (int i = 0; i < 300; i++) {
      SignalRequest request = walk.next();
      int index = i % 3;
      assertEquals(List.of("BTCUSDT", "ETHUSDT", "NEWCOIN").get(index), request.symbol());
      assertEquals(2, request.price().scale());
      assertTrue(request.price().signum() > 0);
      BigDecimal move = request.price().subtract(last[index]).abs();
      assertTrue(move.compareTo(last[index].multiply(new BigDecimal("0.0051"))) <= 0);
      SignalType expected =
          request.price().compareTo(last[index]) >= 0 ? SignalType.BUY : SignalType.SELL;
      assertEquals(expected, request.type());
      assertNull(request.timestamp(), "the intake stamps the time");
      last[index] = request.price();
    }
  }
}
