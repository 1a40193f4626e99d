package com.signalhub.signal.control;

import com.signalhub.signal.entity.Acceptance;
import com.signalhub.signal.entity.Provenance;
import com.signalhub.signal.entity.Signal;
import com.signalhub.signal.entity.StoredSignal;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * Appends signals to the database log, each in its own transaction with its seq, committed on
 * return.
 */
@ApplicationScoped
public class SignalLog {

  @PersistenceContext(unitName = "signalhub")
  EntityManager em;

  @Inject SeqCounter counter;

  @Resource TransactionSynchronizationRegistry transaction;

  /**
   * Stores {@code row} with the next seq — unless its publisher stored one under the same key since
   * {@code keyNotBefore}: then that one is the answer and nothing is stored. The key is looked up
   * after the counter is taken, so two publishes with one key, on any instances sharing the
   * database, are one after the other: the second finds the first. {@code beforeStoring} runs once
   * the key is known to be new (a retry gets its answer even if it has gone stale since); what it
   * throws stores nothing.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Acceptance append(
      StoredSignal row, Provenance from, Instant keyNotBefore, Runnable beforeStoring) {
    long seq = counter.next();
    Optional<Signal> earlier = withKey(from, keyNotBefore);
    if (earlier.isPresent()) {
      transaction.setRollbackOnly(); // the seq goes back to the counter
      return new Acceptance(earlier.get(), true);
    }
    beforeStoring.run();
    row.assignSeq(seq);
    em.persist(row);
    em.flush();
    return new Acceptance(row.toSignal(), false);
  }

  private Optional<Signal> withKey(Provenance from, Instant notBefore) {
    if (from.idempotencyKey() == null) {
      return Optional.empty();
    }
    return em.createQuery(
            "select s from StoredSignal s where s.publisher = :publisher"
                + " and s.idempotencyKey = :key and s.receivedAtMillis >= :notBefore order by s.seq",
            StoredSignal.class)
        .setParameter("publisher", from.publisher())
        .setParameter("key", from.idempotencyKey())
        .setParameter("notBefore", notBefore.toEpochMilli())
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(StoredSignal::toSignal);
  }
}
