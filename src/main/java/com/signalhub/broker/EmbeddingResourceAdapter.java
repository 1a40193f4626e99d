package com.signalhub.broker;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.ra.ActiveMQResourceAdapter;

/**
 * Artemis's resource adapter that, when {@code EmbeddedBrokerPort} is set, first starts an Artemis
 * broker in the same JVM on 127.0.0.1 — the zero-install default of the local run. Left unset, it
 * is Artemis's adapter unchanged, connecting to whatever broker {@code ConnectionParameters} names.
 *
 * <p>Packed into the RAR (never the WAR), so the broker starts when the adapter is deployed, before
 * the application's message-driven bean activates, and stops after it.
 */
public class EmbeddingResourceAdapter extends ActiveMQResourceAdapter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(EmbeddingResourceAdapter.class.getName());

  private final EmbeddedBrokerSettings settings = new EmbeddedBrokerSettings();
  private transient EmbeddedActiveMQ broker;

  @Override
  public void start(BootstrapContext context) throws ResourceAdapterInternalException {
    if (settings.enabled()) {
      try {
        broker = new EmbeddedActiveMQ().setConfiguration(settings.toConfiguration()).start();
        LOG.log(
            Level.INFO,
            "Embedded Artemis broker listening on 127.0.0.1:{0,number,#}, data in {1}",
            new Object[] {settings.port(), settings.directory()});
      } catch (Exception e) {
        throw new ResourceAdapterInternalException("Embedded Artemis broker did not start", e);
      }
    }
    super.start(context);
  }

  @Override
  public void stop() {
    super.stop();
    if (broker != null) {
      try {
        broker.stop();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Embedded Artemis broker did not stop cleanly", e);
      }
      broker = null;
    }
  }

  // JavaBean properties set from ra.xml and create-resource-adapter-config.

  public Integer getEmbeddedBrokerPort() {
    return settings.port();
  }

  public void setEmbeddedBrokerPort(Integer port) {
    settings.port(port);
  }

  public String getEmbeddedBrokerDirectory() {
    return settings.directory();
  }

  public void setEmbeddedBrokerDirectory(String directory) {
    settings.directory(directory);
  }

  public Integer getEmbeddedBrokerMaxDeliveryAttempts() {
    return settings.maxDeliveryAttempts();
  }

  public void setEmbeddedBrokerMaxDeliveryAttempts(Integer attempts) {
    settings.maxDeliveryAttempts(attempts);
  }

  public String getEmbeddedBrokerQueues() {
    return settings.queues();
  }

  public void setEmbeddedBrokerQueues(String queues) {
    settings.queues(queues);
  }

  public String getEmbeddedBrokerDeadLetterQueue() {
    return settings.deadLetterQueue();
  }

  public void setEmbeddedBrokerDeadLetterQueue(String queue) {
    settings.deadLetterQueue(queue);
  }

  // The JCA spec asks a ResourceAdapter for equals/hashCode; identity is what Artemis's uses too.
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
