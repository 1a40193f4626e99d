package com.signalhub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void slowClientsAreSpreadAndCountedExactly() {
    int slow = 0;
    for (int i = 0; i < 1000; i++) if (Options.isSlow(i, 0.05)) slow++;
    assertEquals(50, slow);
    for (int i = 0; i < 1000; i++) assertEquals(false, Options.isSlow(i, 0));
  }

  @Test
  void tokensGoRoundRobin() throws Exception {
    Options o = Options.parse("--tokens", "a,b,c");
    assertEquals("a", o.token(0));
    assertEquals("c", o.token(2));
    assertEquals("a", o.token(3));
    Options p = Options.parse("--token-pattern=sub-%04d", "--token-count=20");
    assertEquals("sub-0007", p.token(7));
    assertEquals("sub-0001", p.token(21));
  }

  @Test
  void publishUrlDefaultsToTheWebSocketHost() throws Exception {
    Options o = Options.parse("--url", "ws://127.0.0.1:9001/");
    assertEquals("http://127.0.0.1:9001/api/signals", o.publishUrl.toString());
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> Options.parse("--clients", "0"));
    assertThrows(IllegalArgumentException.class, () -> Options.parse("--slow-fraction", "1"));
    assertThrows(IllegalArgumentException.class, () -> Options.parse("stray"));
  }
}
