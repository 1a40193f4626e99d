package com.signalhub.feed.boundary;

import com.signalhub.feed.control.InstanceName;
import com.signalhub.platform.Loop;
import com.signalhub.platform.ThrottledLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends this instance's stored signals to the cluster topic from a thread of its own, in order, as
 * many per transaction as have queued up: the publisher only queues (a send and its commit, a round
 * trip to the broker each, used to be part of every publish, under the intake lock). Past {@code
 * signalhub.cluster.max-unsent} queued, a signal is not sent: the others read it from the database.
 */
@ApplicationScoped
public class TopicWriter {

  private static final Logger LOG = Logger.getLogger(TopicWriter.class.getName());
  private static final int BATCH = 500;

  record Told(long seq, String json) {}

  @Resource(lookup = "jms/signalhub")
  ConnectionFactory connections;

  @Resource ManagedThreadFactory threads;

  @Inject InstanceName instance;

  @Inject TopicWriter self; // through the proxy, for the transaction

  @Inject
  @ConfigProperty(name = "signalhub.cluster.topic")
  String topic;

  @Inject
  @ConfigProperty(name = "signalhub.cluster.max-unsent")
  int maxUnsent;

  private final ThrottledLog failures =
      new ThrottledLog(LOG, "signals not sent to the other instances", 1);
  private final Loop sender = new Loop("signalhub-topic-writer");
  private final List<Told> batch = new ArrayList<>(BATCH); // the sender's own
  private volatile BlockingQueue<Told> unsent;

  synchronized void start() {
    unsent = new LinkedBlockingQueue<>(maxUnsent);
    sender.start(threads, this::sendNext);
  }

  /** Never blocks: a full queue (the broker away or slow) leaves the signal to the database. */
  void offer(long seq, String json) {
    BlockingQueue<Told> queue = unsent;
    if (queue != null && !queue.offer(new Told(seq, json))) {
      failures.log(
          Level.WARNING, "Signal {0} not sent to the other instances: {1} queued", seq, maxUnsent);
    }
  }

  private void sendNext() {
    try {
      batch.add(unsent.take());
      unsent.drainTo(batch, BATCH - 1);
      self.send(batch);
    } catch (InterruptedException e) {
      return; // stopped
    } catch (RuntimeException e) { // the others read these from the database, later
      failures.log(
          Level.WARNING,
          "{0} signal(s) from {1} not sent to the other instances: {2}",
          batch.size(),
          batch.get(0).seq(),
          e.toString());
      Loop.pause(500); // the broker is away: what queues meanwhile goes in the next batch
    } finally {
      batch.clear();
    }
  }

  /**
   * In a transaction: sent outside one through the resource adapter, a message never reached the
   * topic (an outside subscriber got nothing, no error).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void send(List<Told> batch) {
    try (JMSContext jms = connections.createContext()) {
      Topic destination = jms.createTopic(topic);
      JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT);
      for (Told told : batch) {
        TextMessage message = jms.createTextMessage(told.json());
        message.setLongProperty(PeerTopic.SEQ, told.seq());
        message.setStringProperty(PeerTopic.FROM, instance.name());
        producer.send(destination, message);
      }
    } catch (JMSException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @PreDestroy
  void stop() {
    sender.stop();
  }
}
