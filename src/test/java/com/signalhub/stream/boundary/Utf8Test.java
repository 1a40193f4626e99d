package com.signalhub.stream.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

  @Test
  void countsBytesAsTheEncoderWould() {
    for (String text : new String[] {"", "test", "é", "价格", "😀", "a价😀b\u0000"}) {
      assertEquals(
          text.getBytes(StandardCharsets.UTF_8).length, Utf8.length(text), () -> "for " + text);
    }
  }
}
