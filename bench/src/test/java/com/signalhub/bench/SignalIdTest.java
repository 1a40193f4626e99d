package com.signalhub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignalIdTest {
  private static ByteBuf frame(String price) {
    return Unpooled.copiedBuffer(
        "{\"type\":\"buy\",\"content\":{\"symbol\":\"BENCH\",\"price\":"
            + price
            + ",\"timestamp\":1795611409},\"is_test\":false,\"seq\":3}",
        StandardCharsets.UTF_8);
  }

  @Test
  void encodesRunAndSequenceAsFixedWidthFraction() {
    assertEquals("4711.000000042", SignalId.price(4711, 42));
    assertEquals("1.999999999", SignalId.price(1, SignalId.MAX_SEQ));
  }

  @Test
  void rejectsOutOfRangeIds() {
    assertThrows(IllegalArgumentException.class, () -> SignalId.price(4711, 0));
    assertThrows(IllegalArgumentException.class, () -> SignalId.price(0, 1));
    assertThrows(IllegalArgumentException.class, () -> SignalId.price(4711, SignalId.MAX_SEQ + 1));
  }

  @Test
  void decodesWhatItEncodes() {
    for (long seq : new long[] {1, 9, 10, 100, 123_456_789, SignalId.MAX_SEQ}) {
      assertEquals(seq, SignalId.decode(frame(SignalId.price(4711, seq)), 4711), "seq " + seq);
    }
  }

  @Test
  void decodesAPriceWhoseTrailingZerosWereStrippedOrPadded() {
    assertEquals(10, SignalId.decode(frame("4711.00000001"), 4711));
    assertEquals(100, SignalId.decode(frame("4711.0000001"), 4711));
    assertEquals(10, SignalId.decode(frame("4711.000000010000"), 4711));
  }

  @Test
  void toleratesSpacesAroundTheColon() {
    ByteBuf f = Unpooled.copiedBuffer("{\"content\":{\"price\" :  7.000000005}}", StandardCharsets.UTF_8);
    assertEquals(5, SignalId.decode(f, 7));
  }

  @Test
  void tellsForeignAndMalformedPricesApart() {
    assertEquals(SignalId.FOREIGN, SignalId.decode(frame(SignalId.price(4712, 5)), 4711));
    assertEquals(SignalId.FOREIGN, SignalId.decode(frame("75000.00"), 4711));
    assertEquals(SignalId.NONE, SignalId.decode(frame("4711"), 4711));
    assertEquals(SignalId.NONE, SignalId.decode(frame("4711.000000000"), 4711));
    assertEquals(SignalId.NONE, SignalId.decode(frame("4711.0000000051"), 4711));
    assertEquals(SignalId.NONE, SignalId.decode(frame("\"x\""), 4711));
    assertEquals(
        SignalId.NONE,
        SignalId.decode(Unpooled.copiedBuffer("{\"type\":\"ping\"}", StandardCharsets.UTF_8), 4711));
  }

  @Test
  void readsOnlyTheReadableBytes() {
    ByteBuf f = frame(SignalId.price(4711, 8));
    int readable = f.readableBytes();
    assertEquals(8, SignalId.decode(f, 4711));
    assertEquals(readable, f.readableBytes(), "decode must not move the reader index");
    f.readerIndex(f.writerIndex() - 5);
    assertEquals(SignalId.NONE, SignalId.decode(f, 4711));
  }

  @Test
  void thePublishedBodyCarriesTheId() {
    String body = Publisher.body(4711, 42, 1795611409L);
    assertEquals(
        "{\"type\":\"buy\",\"content\":{\"symbol\":\"BENCH\",\"price\":4711.000000042,"
            + "\"timestamp\":1795611409},\"is_test\":false}",
        body);
    assertEquals(42, SignalId.decode(Unpooled.copiedBuffer(body, StandardCharsets.UTF_8), 4711));
  }
}
