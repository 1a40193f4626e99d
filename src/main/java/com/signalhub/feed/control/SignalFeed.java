package com.signalhub.feed.control;

import com.signalhub.feed.entity.Sequenced;
import com.signalhub.history.control.SignalHistory;
import com.signalhub.signal.entity.Signal;
import com.signalhub.signal.entity.SignalFrame;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The ordered feed: every stored signal, encoded once, handed to the fan-out strictly in seq order,
 * whichever way it reached this instance — its own intake (fired after the commit, on the
 * publisher's thread: the feed only encodes and hands over, no network I/O; then {@link Peers}
 * tells the other instances), another instance's message ({@link #offerFromPeer}), or the database,
 * which fills a gap after a short wait and is checked now and then for anything committed elsewhere
 * ({@link FeedWatch}).
 */
@ApplicationScoped
public class SignalFeed {

  private static final Logger LOG = Logger.getLogger(SignalFeed.class.getName());
  private static final int FILL_BATCH = 1_000;

  @Inject Jsonb jsonb;

  @Inject Event<Sequenced> sequenced;

  @Inject Peers peers;

  @Inject SignalHistory history;

  @Inject
  @ConfigProperty(name = "signalhub.feed.max-waiting")
  int maxWaiting;

  private Sequencer sequencer;
  private volatile Runnable gapOpened = () -> {};

  @PostConstruct
  void create() {
    sequencer =
        new Sequencer(
            (seq, json, acceptedNanos) -> sequenced.fire(new Sequenced(seq, json, acceptedNanos)),
            () -> gapOpened.run(),
            maxWaiting);
  }

  /** What runs as a seq goes missing while later ones wait; it must only schedule. */
  void whenGapOpens(Runnable task) {
    gapOpened = task;
  }

  /* What was stored before this instance started is history: replay serves it. */
  void startAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    sequencer.startAfter(history.newestSeq(), System.nanoTime());
  }

  void onAccepted(@Observes Signal signal) {
    long now = System.nanoTime();
    String json = jsonb.toJson(SignalFrame.of(signal));
    sequencer.offer(signal.seq(), json, now, now);
    try {
      peers.tell(signal.seq(), json);
    } catch (RuntimeException e) { // the signal is stored all the same: they read it later
      LOG.log(Level.WARNING, "Other instances not told about " + signal.seq(), e);
    }
  }

  /** A signal another instance stored, as it told us: in any order, maybe twice, maybe never. */
  public void offerFromPeer(long seq, String json) {
    long now = System.nanoTime();
    sequencer.offer(seq, json, now, now);
  }

  /**
   * Reads what the database has after this feed's position, up to {@code before} (exclusive: a gap
   * needs only what is missing, the rest is on its way); returns how many it read.
   */
  int catchUp(long before) {
    int read = 0;
    while (sequencer.started()) {
      long from = sequencer.position();
      long wanted = Math.min(FILL_BATCH, before - from - 1);
      if (wanted <= 0) {
        return read;
      }
      List<Signal> batch = history.after(from, (int) wanted);
      long now = System.nanoTime();
      for (Signal signal : batch) {
        sequencer.offer(signal.seq(), jsonb.toJson(SignalFrame.of(signal)), now, now);
      }
      read += batch.size();
      if (batch.size() < wanted || sequencer.position() == from) {
        return read;
      }
    }
    return read;
  }

  long firstWaiting() {
    return sequencer.firstWaiting();
  }

  public long position() {
    return sequencer.position();
  }

  /** Since when (System.nanoTime) a seq has been missing while later ones wait; else MAX_VALUE. */
  public long missingSince() {
    return sequencer.missingSince();
  }

  public int waiting() {
    return sequencer.waiting();
  }
}
