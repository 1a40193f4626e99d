package com.signalhub.signal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Allocates seqs from one counter row, updated inside the accepting transaction. The row stays
 * locked until that transaction ends, so the next allocation, on this instance or on any other
 * sharing the database, waits for it: seqs commit in seq order, and a publish that rolls back gives
 * its number back (no holes). A database sequence would hand out 43 while 42 is still committing,
 * and a reader could see 43 first and take 42 for lost ({@code SeqAllocationTest} shows both on a
 * real database).
 */
@ApplicationScoped
public class SeqCounter {

  private static final Logger LOG = Logger.getLogger(SeqCounter.class.getName());

  static final String NEXT = "UPDATE signal_counter SET last_seq = last_seq + 1 WHERE id = 1";
  static final String CURRENT = "SELECT last_seq FROM signal_counter WHERE id = 1";

  /**
   * From the log's newest seq, so a database from before the counter goes on where it was. (An
   * aggregate without GROUP BY always yields a row: the condition goes outside it.)
   */
  static final String CREATE =
      "INSERT INTO signal_counter (id, last_seq) SELECT 1, newest FROM"
          + " (SELECT COALESCE(MAX(seq), 0) AS newest FROM signal_log) log"
          + " WHERE NOT EXISTS (SELECT 1 FROM signal_counter WHERE id = 1)";

  @PersistenceContext(unitName = "signalhub")
  EntityManager em;

  @Inject SeqCounter self; // through the proxy, for the transaction

  void createAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    try {
      self.create();
    } catch (RuntimeException e) {
      // another instance sharing the database created it at the same moment; next() makes sure
      LOG.log(Level.INFO, "Seq counter not created here, another instance may have: {0}", e);
    }
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void create() {
    em.createNativeQuery(CREATE).executeUpdate();
  }

  /** The next seq, in the caller's transaction (the counter stays locked until it ends). */
  @Transactional(Transactional.TxType.MANDATORY)
  public long next() {
    if (em.createNativeQuery(NEXT).executeUpdate() != 1) {
      em.createNativeQuery(CREATE).executeUpdate(); // a publish before the startup observer ran
      em.createNativeQuery(NEXT).executeUpdate();
    }
    return ((Number) em.createNativeQuery(CURRENT).getSingleResult()).longValue();
  }
}
