package com.signalhub.broker;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * What the embedded broker is: a persistent, loopback-only Artemis with the signal queue and its
 * dead-letter queue created up front, and a bounded number of delivery attempts per message.
 */
final class EmbeddedBrokerSettings implements Serializable {

  private static final long serialVersionUID = 1L;

  private Integer port;
  private String directory = "data/artemis";
  private Integer maxDeliveryAttempts = 5;
  private String queues = "signals";
  private String deadLetterQueue = "signals.dlq";

  boolean enabled() {
    return port != null && port > 0;
  }

  Configuration toConfiguration() throws Exception {
    Path data = Path.of(directory).toAbsolutePath();
    Configuration config =
        new ConfigurationImpl()
            .setName("signalhub-embedded")
            .setPersistenceEnabled(true)
            .setJournalType(JournalType.NIO)
            .setJournalDirectory(data.resolve("journal").toString())
            .setBindingsDirectory(data.resolve("bindings").toString())
            .setPagingDirectory(data.resolve("paging").toString())
            .setLargeMessagesDirectory(data.resolve("large-messages").toString())
            .setNodeManagerLockDirectory(data.toString())
            .setSecurityEnabled(false)
            .setJMXManagementEnabled(false)
            .addAcceptorConfiguration("signalhub", "tcp://127.0.0.1:" + port);
    config.addAddressSetting(
        "#",
        new AddressSettings()
            .setDeadLetterAddress(SimpleString.of(deadLetterQueue))
            .setExpiryAddress(SimpleString.of(deadLetterQueue))
            .setMaxDeliveryAttempts(maxDeliveryAttempts)
            .setRedeliveryDelay(500));
    for (String queue : names()) {
      config.addQueueConfiguration(
          QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST));
    }
    return config;
  }

  private String[] names() {
    String all = queues + "," + deadLetterQueue;
    return Arrays.stream(all.split(","))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .distinct()
        .toArray(String[]::new);
  }

  Integer port() {
    return port;
  }

  void port(Integer port) {
    this.port = port;
  }

  String directory() {
    return directory;
  }

  void directory(String directory) {
    this.directory = directory;
  }

  Integer maxDeliveryAttempts() {
    return maxDeliveryAttempts;
  }

  void maxDeliveryAttempts(Integer attempts) {
    this.maxDeliveryAttempts = attempts;
  }

  String queues() {
    return queues;
  }

  void queues(String queues) {
    this.queues = queues;
  }

  String deadLetterQueue() {
    return deadLetterQueue;
  }

  void deadLetterQueue(String queue) {
    this.deadLetterQueue = queue;
  }
}
