package com.signalhub.stream.control;

import com.signalhub.auth.entity.TokenPrincipal;
import com.signalhub.stream.entity.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many stream sessions this instance holds, in all and per token. Places are taken at the
 * upgrade, so a connection over a limit is refused there (503 / 429), never accepted then dropped.
 */
@ApplicationScoped
public class SessionLimits {

  private static final long UNCLAIMED_NANOS = TimeUnit.SECONDS.toNanos(30);

  @Inject
  @ConfigProperty(name = "signalhub.stream.max-sessions")
  int maxSessions;

  @Inject
  @ConfigProperty(name = "signalhub.stream.max-sessions-per-token")
  int maxPerToken;

  private final AtomicInteger total = new AtomicInteger();
  private final Map<String, Integer> perToken = new ConcurrentHashMap<>();
  private final Set<Admission> unclaimed = ConcurrentHashMap.newKeySet();

  /**
   * A place for one more session of this token.
   *
   * @throws Refused with 503 when this instance is full, 429 when the token is
   */
  public Admission admit(TokenPrincipal principal) {
    if (total.incrementAndGet() > maxSessions) {
      total.decrementAndGet();
      throw new Refused(
          Refusal.INSTANCE_LIMIT, "this server holds its maximum of " + maxSessions + " sessions");
    }
    boolean[] taken = {false};
    perToken.compute(
        principal.name(),
        (name, count) -> {
          int now = count == null ? 0 : count;
          taken[0] = now < maxPerToken;
          return taken[0] ? now + 1 : count;
        });
    if (!taken[0]) {
      total.decrementAndGet();
      throw new Refused(
          Refusal.TOKEN_LIMIT,
          "token " + principal.name() + " already has " + maxPerToken + " sessions");
    }
    Admission admission = new Admission(principal, this);
    unclaimed.add(admission);
    return admission;
  }

  void giveBack(Admission admission) {
    unclaimed.remove(admission);
    total.decrementAndGet();
    perToken.computeIfPresent(
        admission.principal().name(), (name, count) -> count <= 1 ? null : count - 1);
  }

  void claimed(Admission admission) {
    unclaimed.remove(admission);
  }

  /** Gives back places whose upgrade never became a session (the client left mid-handshake). */
  void releaseUnclaimed() {
    long now = System.nanoTime();
    unclaimed.stream()
        .filter(a -> a.unclaimedFor(UNCLAIMED_NANOS, now))
        .forEach(Admission::release);
  }

  public int sessions() {
    return total.get();
  }
}
