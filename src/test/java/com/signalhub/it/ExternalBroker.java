package com.signalhub.it;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;

/**
 * "The operator's own broker": an Artemis in the test's JVM, with a user and password it checks, a
 * differently named queue, and a dead-letter address — what server-config/production/ points at.
 */
final class ExternalBroker implements AutoCloseable {

  static final String USER = "hub";
  static final String PASSWORD = "hub-broker-secret";
  static final String QUEUE = "prod.signals";
  static final String DEAD_LETTERS = "prod.signals.dlq";

  /** Held: java.util.logging keeps loggers weakly, and a collected one forgets its level. */
  private static final Logger AUDIT = Logger.getLogger("org.apache.activemq.audit");

  static {
    AUDIT.setLevel(Level.WARNING); // one INFO line per message sent and acknowledged otherwise
  }

  private final EmbeddedActiveMQ broker;
  final int port;

  ExternalBroker(Path dataDir) throws Exception {
    this(dataDir, PayaraProcess.freePort());
  }

  /** On a given port: the same broker started again after a stop. */
  ExternalBroker(Path dataDir, int port) throws Exception {
    this.port = port;
    var config =
        new ConfigurationImpl()
            .setPersistenceEnabled(true)
            .setJournalDirectory(dataDir.resolve("journal").toString())
            .setBindingsDirectory(dataDir.resolve("bindings").toString())
            .setPagingDirectory(dataDir.resolve("paging").toString())
            .setLargeMessagesDirectory(dataDir.resolve("large").toString())
            .setSecurityEnabled(true)
            .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
    config.addAddressSetting(
        "#",
        new AddressSettings()
            .setDeadLetterAddress(SimpleString.of(DEAD_LETTERS))
            .setMaxDeliveryAttempts(3));
    config.addQueueConfiguration(QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST));
    config.addQueueConfiguration(
        QueueConfiguration.of(DEAD_LETTERS).setRoutingType(RoutingType.ANYCAST));
    broker =
        new EmbeddedActiveMQ().setConfiguration(config).setSecurityManager(new OneUser()).start();
  }

  /** The environment server-config/production/post-boot-commands.asadmin reads. */
  Map<String, String> environment() {
    return Map.of(
        "SIGNALHUB_JMS_HOST", "127.0.0.1",
        "SIGNALHUB_JMS_PORT", String.valueOf(port),
        "SIGNALHUB_JMS_USER", USER,
        "SIGNALHUB_JMS_PASSWORD", PASSWORD,
        "SIGNALHUB_JMS_QUEUE", QUEUE,
        "SIGNALHUB_JMS_DLQ", DEAD_LETTERS);
  }

  @Override
  public void close() {
    try {
      broker.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the broker did not stop", e);
    }
  }

  private static final class OneUser implements ActiveMQSecurityManager {
    @Override
    public boolean validateUser(String user, String password) {
      return USER.equals(user) && PASSWORD.equals(password);
    }

    @Override
    public boolean validateUserAndRole(
        String user, String password, Set<Role> roles, CheckType checkType) {
      return validateUser(user, password);
    }
  }
}
