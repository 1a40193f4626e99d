package com.signalhub.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcStatsTest {
  @Test
  void readsUtimePlusStimeAfterANameWithSpacesAndParentheses() {
    // Field 2 is "(my (odd) server) x)": spaces and ')' inside; utime=1234 (14), stime=567 (15).
    String line =
        "4242 (my (odd) server) x) S 1 4242 4242 0 -1 4194560 12345 0 7 0 1234 567 3 4 20 0 "
            + "27 0 998877 123456789 2048 18446744073709551615 1 1 0 0 0 0 0 4096 17663 0 0 0 17 1 0 0 0 0 0";
    assertEquals(1234 + 567, ProcStats.cpuTicks(line));
    assertEquals(567, ProcStats.systemTicks(line));
  }

  @Test
  void rejectsALineWithoutAName() {
    assertThrows(IllegalArgumentException.class, () -> ProcStats.cpuTicks("4242 S 1 2 3"));
  }

  @Test
  void readsKilobytesFromStatus() {
    String status =
        "Name:\tjava\nVmPeak:\t 9999 kB\nVmRSS:\t  204800 kB\nRssAnon:\t  150000 kB\nThreads:\t42\n";
    assertEquals(204800, ProcStats.statusKb(status, "VmRSS"));
    assertEquals(150000, ProcStats.statusKb(status, "RssAnon"));
    assertEquals(-1, ProcStats.statusKb(status, "VmSwap"));
  }

  @Test
  void readsThisProcess() {
    assertTrue(ProcStats.cpuTicks(-1) >= 0);
    assertTrue(ProcStats.statusKb(-1, "VmRSS") > 0);
  }
}
