package com.signalhub.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.signalhub.auth.entity.Role;
import com.signalhub.auth.entity.TokenPrincipal;
import org.junit.jupiter.api.Test;

class SessionLimitsTest {

  private static final TokenPrincipal BOT = new TokenPrincipal("bot", Role.SUBSCRIBER);
  private static final TokenPrincipal FEED = new TokenPrincipal("feed", Role.SUBSCRIBER);

  private static SessionLimits limits(int total, int perToken) {
    SessionLimits limits = new SessionLimits();
    limits.maxSessions = total;
    limits.maxPerToken = perToken;
    return limits;
  }

  @Test
  void aTokenPastItsCapIsRefused429AndOthersStillGetIn() {
    SessionLimits limits = limits(10, 2);
    limits.admit(BOT);
    Admission second = limits.admit(BOT);
    Refused refused = assertThrows(Refused.class, () -> limits.admit(BOT));
    assertEquals(429, refused.status());
    limits.admit(FEED);
    second.release();
    second.release(); // released once only
    limits.admit(BOT);
    assertEquals(3, limits.sessions());
  }

  @Test
  void theInstancePastItsCapIsRefused503() {
    SessionLimits limits = limits(2, 10);
    limits.admit(BOT);
    limits.admit(FEED);
    Refused refused = assertThrows(Refused.class, () -> limits.admit(FEED));
    assertEquals(503, refused.status());
    assertEquals(2, limits.sessions());
  }

  @Test
  void aClaimedPlaceIsNotReclaimedByTheSweep() {
    SessionLimits limits = limits(1, 1);
    Admission admission = limits.admit(BOT);
    admission.claim();
    limits.releaseUnclaimed();
    assertThrows(Refused.class, () -> limits.admit(BOT));
  }
}
