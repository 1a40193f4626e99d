package com.signalhub.feed.boundary;

import com.signalhub.feed.control.FeedMetrics;
import com.signalhub.feed.control.InstanceName;
import com.signalhub.feed.control.Peers;
import com.signalhub.feed.control.SignalFeed;
import com.signalhub.platform.Loop;
import com.signalhub.platform.Scheduler;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.transaction.Transactional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How instances sharing one database and one broker tell each other about the signals they store
 * ({@code signalhub.cluster.enabled}): each stored signal goes to the broker's topic {@code
 * signalhub.cluster.topic} (non-persistent: the database is the truth) after its commit, by {@link
 * TopicWriter}, and every instance reads the topic on a thread of its own into its feed. A message
 * lost or late is no gap for a client: the feed fills it from the database.
 */
@ApplicationScoped
public class PeerTopic implements Peers {

  private static final Logger LOG = Logger.getLogger(PeerTopic.class.getName());
  static final String SEQ = "SignalHubSeq";
  static final String FROM = "SignalHubInstance";
  /* Per transaction: the broker keeps what it delivered until the commit (rate × this). */
  private static final long READ_MS = 30_000;
  private static final long BACKOFF_MS = 100;

  @Resource(lookup = "jms/signalhub")
  ConnectionFactory connections;

  @Resource ManagedThreadFactory threads;

  @Inject SignalFeed feed;

  @Inject InstanceName instance;

  @Inject FeedMetrics metrics;

  @Inject PeerTopic self; // through the proxy, for the transaction

  @Inject
  @ConfigProperty(name = "signalhub.cluster.enabled")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "signalhub.cluster.topic")
  String topic;

  /** For tests of the gap fill: this share of the messages read is ignored, as if lost. */
  @Inject
  @ConfigProperty(name = "signalhub.cluster.test-drop-percent")
  int dropPercent;

  /** For tests of the gap fill: this share of the messages read is handed over late. */
  @Inject
  @ConfigProperty(name = "signalhub.cluster.test-delay-percent")
  int delayPercent;

  @Inject
  @ConfigProperty(name = "signalhub.cluster.test-delay-ms")
  long delayMs;

  @Inject Scheduler scheduler;

  @Inject TopicWriter writer;

  private final Loop reader = new Loop("signalhub-peer-topic");
  private volatile long unreadableSinceNanos = Long.MAX_VALUE;
  private long backoffMs = BACKOFF_MS; // the reader's own

  void startAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (!enabled) {
      return;
    }
    writer.start();
    reader.start(threads, this::readNext);
    LOG.log(
        Level.INFO,
        "Cluster: instance {0} shares signals on topic {1}",
        new Object[] {instance.name(), topic});
  }

  /**
   * After the signal's commit: queued for the writer; a single instance (not enabled) does nothing.
   */
  @Override
  public void tell(long seq, String json) {
    if (enabled) {
      writer.offer(seq, json);
    }
  }

  private void readNext() {
    try {
      self.readFor(READ_MS);
      backoffMs = BACKOFF_MS;
    } catch (RuntimeException e) {
      if (unreadableSinceNanos == Long.MAX_VALUE) {
        unreadableSinceNanos = System.nanoTime();
      }
      if (reader.running()) {
        LOG.log(
            Level.WARNING,
            "Cluster topic unreadable, retrying in {0} ms: {1}",
            new Object[] {backoffMs, e});
        Loop.pause(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 10_000);
      }
    }
  }

  /**
   * Reads the topic for a while, in a transaction: outside one, the adapter's consumer was handed
   * nothing. What is published in the moment between two of these is read from the database.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void readFor(long millis) {
    long end = System.currentTimeMillis() + millis;
    try (JMSContext jms = connections.createContext();
        JMSConsumer consumer =
            jms.createConsumer(
                jms.createTopic(topic),
                FROM + " <> '" + instance.name().replace("'", "''") + "'")) {
      for (long left = millis;
          reader.running() && left > 0;
          left = end - System.currentTimeMillis()) {
        Message message = consumer.receive(left);
        unreadableSinceNanos = Long.MAX_VALUE; // a receive that answered, message or not
        if (message != null && !chosen(dropPercent)) {
          hear(message.getLongProperty(SEQ), message.getBody(String.class));
        }
      }
    } catch (JMSException e) {
      throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
    }
  }

  private void hear(long seq, String json) {
    metrics.heard();
    if (chosen(delayPercent)) {
      scheduler.after(delayMs, () -> feed.offerFromPeer(seq, json));
    } else {
      feed.offerFromPeer(seq, json);
    }
  }

  /** Since when (System.nanoTime) the topic could not be read; MAX_VALUE while it can. */
  public long unreadableSince() {
    return unreadableSinceNanos;
  }

  private static boolean chosen(int percent) {
    return percent > 0 && ThreadLocalRandom.current().nextInt(100) < percent;
  }

  @PreDestroy
  void stop() {
    reader.stop();
  }
}
