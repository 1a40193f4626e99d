package com.signalhub.signal.control;

import com.signalhub.signal.entity.Signal;
import com.signalhub.signal.entity.StoredSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Appends signals to the database log, each in its own transaction, committed on return. */
@ApplicationScoped
public class SignalLog {

  @PersistenceContext(unitName = "signalhub")
  EntityManager em;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Signal append(StoredSignal row) {
    em.persist(row);
    em.flush(); // the database allocates seq here
    return row.toSignal();
  }

  /** The signal a publisher already stored under this key since {@code notBefore}, if any. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Signal> findByKey(String publisher, String key, Instant notBefore) {
    return em.createQuery(
            "select s from StoredSignal s where s.publisher = :publisher"
                + " and s.idempotencyKey = :key and s.receivedAtMillis >= :notBefore order by s.seq",
            StoredSignal.class)
        .setParameter("publisher", publisher)
        .setParameter("key", key)
        .setParameter("notBefore", notBefore.toEpochMilli())
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(StoredSignal::toSignal);
  }
}
