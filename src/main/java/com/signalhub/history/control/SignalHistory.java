package com.signalhub.history.control;

import com.signalhub.signal.entity.Signal;
import com.signalhub.signal.entity.StoredSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads the signal log: pages for the history API, bounded replays for reconnecting clients. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SignalHistory {

  @PersistenceContext(unitName = "signalhub")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "signalhub.replay.max-count", defaultValue = "10000")
  int replayMaxCount;

  @Inject
  @ConfigProperty(name = "signalhub.replay.max-age-seconds", defaultValue = "86400")
  long replayMaxAgeSeconds;

  /** Up to {@code limit} stored signals with {@code seq > since}, oldest first. */
  public List<Signal> after(long since, int limit) {
    return em.createQuery(
            "select s from StoredSignal s where s.seq > :since order by s.seq", StoredSignal.class)
        .setParameter("since", since)
        .setMaxResults(limit)
        .getResultStream()
        .map(StoredSignal::toSignal)
        .toList();
  }

  /** The newest stored seq, 0 when nothing is stored. */
  public long newestSeq() {
    Long newest =
        em.createQuery("select max(s.seq) from StoredSignal s", Long.class).getSingleResult();
    return newest == null ? 0 : newest;
  }

  /** The newest {@code limit} stored signals, oldest first. */
  public List<Signal> latest(int limit) {
    List<Signal> signals =
        new ArrayList<>(
            em.createQuery("select s from StoredSignal s order by s.seq desc", StoredSignal.class)
                .setMaxResults(limit)
                .getResultStream()
                .map(StoredSignal::toSignal)
                .toList());
    Collections.reverse(signals);
    return signals;
  }

  /**
   * What a client resuming after {@code since} may be sent: the newest signals within the replay
   * bounds, oldest first, and whether older ones it asked for were left out.
   */
  public Replay replayAfter(long since) {
    Instant oldest = Instant.now().minus(Duration.ofSeconds(replayMaxAgeSeconds));
    List<Signal> newestFirst =
        em.createQuery(
                "select s from StoredSignal s where s.seq > :since and s.receivedAtMillis >= :oldest"
                    + " order by s.seq desc",
                StoredSignal.class)
            .setParameter("since", since)
            .setParameter("oldest", oldest.toEpochMilli())
            .setMaxResults(replayMaxCount)
            .getResultStream()
            .map(StoredSignal::toSignal)
            .toList();
    List<Signal> signals = new ArrayList<>(newestFirst);
    Collections.reverse(signals);
    long stored =
        em.createQuery("select count(s) from StoredSignal s where s.seq > :since", Long.class)
            .setParameter("since", since)
            .getSingleResult();
    Long firstAvailable = signals.isEmpty() ? null : signals.get(0).seq();
    if (stored > signals.size() && firstAvailable == null) {
      firstAvailable = latestSeq() + 1;
    }
    return new Replay(since, signals, stored > signals.size(), firstAvailable);
  }

  private long latestSeq() {
    Long latest =
        em.createQuery("select max(s.seq) from StoredSignal s", Long.class).getSingleResult();
    return latest == null ? 0 : latest;
  }
}
