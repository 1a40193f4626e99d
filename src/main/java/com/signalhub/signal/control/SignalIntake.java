package com.signalhub.signal.control;

import com.signalhub.signal.entity.Acceptance;
import com.signalhub.signal.entity.Provenance;
import com.signalhub.signal.entity.Signal;
import com.signalhub.signal.entity.SignalRequest;
import com.signalhub.signal.entity.StoredSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one door every source's signal goes through: checked, de-duplicated, stored (the database
 * allocates its seq) and only then announced as a CDI event, which the ordered feed takes.
 */
@ApplicationScoped
public class SignalIntake {

  @Inject SignalRules rules;

  @Inject Freshness freshness;

  @Inject SignalLog log;

  @Inject Event<Signal> accepted;

  @Inject IntakeMetrics metrics;

  @Inject
  @ConfigProperty(name = "signalhub.idempotency.window-seconds", defaultValue = "86400")
  long idempotencyWindowSeconds;

  /*
   * Delivery order must equal acceptance order (seq order). fireAsync would give each event its own
   * thread and no order, so storing and firing happen under this lock: seqs are allocated and
   * committed one at a time, and the synchronous observer (the feed) only encodes the signal and
   * appends it to the fan-out's ring — no network I/O: the fan-out's shards write to the sockets
   * on their own threads. Across instances sharing the database, the seq counter's row lock
   * orders the commits, and the idempotency key is checked again under it (SignalLog.append).
   */
  private final ReentrantLock acceptanceOrder = new ReentrantLock();

  /**
   * @throws com.signalhub.signal.entity.InvalidSignalException when the request breaks a rule
   * @throws com.signalhub.signal.entity.StaleSignalException when its timestamp is too old
   */
  public Acceptance accept(SignalRequest request, Provenance from) {
    rules.check(request);
    acceptanceOrder.lock();
    try {
      Instant now = Instant.now();
      Instant keyNotBefore = now.minus(Duration.ofSeconds(idempotencyWindowSeconds));
      long timestamp = request.timestamp() != null ? request.timestamp() : now.getEpochSecond();
      Runnable fresh = () -> freshness.check(timestamp, now);
      if (from.idempotencyKey() == null) { // no earlier answer to give: refused before any I/O
        fresh.run();
        fresh = () -> {};
      } // else checked once the key is known to be new: a retry gets its first answer
      Acceptance stored =
          log.append(
              new StoredSignal(plain(request), timestamp, from, now), from, keyNotBefore, fresh);
      if (!stored.duplicate()) { // else another instance stored it a moment ago
        accepted.fire(stored.signal());
        metrics.accepted(from.source());
      }
      return stored;
    } finally {
      acceptanceOrder.unlock();
    }
  }

  /** 1E+3 becomes 1000; any other price keeps exactly the digits it was given. */
  private static SignalRequest plain(SignalRequest request) {
    BigDecimal price = request.price();
    return price.scale() >= 0
        ? request
        : new SignalRequest(
            request.type(),
            request.symbol(),
            price.setScale(0),
            request.timestamp(),
            request.test());
  }
}
