package com.signalhub.signal.control;

import com.signalhub.signal.entity.Signal;
import com.signalhub.signal.entity.SignalRequest;
import com.signalhub.signal.entity.SignalSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one door every source's signal goes through: checked, stamped and announced as a CDI event.
 */
@ApplicationScoped
public class SignalIntake {

  @Inject SignalRules rules;

  @Inject Event<Signal> accepted;

  /*
   * Delivery order must equal acceptance order. fireAsync would give each event its own thread and
   * no order, so the event is fired synchronously while this lock is held: the observer only
   * encodes the signal once and queues it on each connection (no network I/O), so the lock is
   * held for microseconds and acceptance order is the order every connection's queue sees.
   */
  private final ReentrantLock acceptanceOrder = new ReentrantLock();

  /**
   * @throws com.signalhub.signal.entity.InvalidSignalException when the request breaks a rule
   */
  public Signal accept(SignalRequest request, SignalSource source) {
    rules.check(request);
    acceptanceOrder.lock();
    try {
      Instant now = Instant.now();
      long timestamp = request.timestamp() != null ? request.timestamp() : now.getEpochSecond();
      Signal signal =
          new Signal(
              UUID.randomUUID().toString(),
              request.type(),
              request.symbol(),
              plain(request.price()),
              timestamp,
              request.test(),
              source,
              now);
      accepted.fire(signal);
      return signal;
    } finally {
      acceptanceOrder.unlock();
    }
  }

  /** 1E+3 becomes 1000; any other price keeps exactly the digits it was given. */
  private static BigDecimal plain(BigDecimal price) {
    return price.scale() < 0 ? price.setScale(0) : price;
  }
}
