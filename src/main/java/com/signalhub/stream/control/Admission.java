package com.signalhub.stream.control;

import com.signalhub.auth.entity.TokenPrincipal;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A place taken under the session limits at the upgrade, for one connection: claimed when its
 * session opens, given back exactly once when it closes (or, if it never opens, by the watch).
 */
public final class Admission {

  private final TokenPrincipal principal;
  private final SessionLimits limits;
  private final long admittedAtNanos = System.nanoTime();
  private final AtomicBoolean claimed = new AtomicBoolean();
  private final AtomicBoolean released = new AtomicBoolean();

  Admission(TokenPrincipal principal, SessionLimits limits) {
    this.principal = principal;
    this.limits = limits;
  }

  public TokenPrincipal principal() {
    return principal;
  }

  /** The session opened: from now on only its close gives the place back. */
  public void claim() {
    claimed.set(true);
    limits.claimed(this);
  }

  public void release() {
    if (released.compareAndSet(false, true)) {
      limits.giveBack(this);
    }
  }

  boolean unclaimedFor(long nanos, long now) {
    return !claimed.get() && now - admittedAtNanos > nanos;
  }
}
