import java.nio.file.Path;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The local cluster's broker (server-config/cluster/local.sh): Artemis on 127.0.0.1, its journal
 * in a directory, the queues signals and signals.dlq (after 3 failed deliveries). Runs until
 * stopped. {@code java -cp "$(cat target/jms-client.classpath)" Broker.java <port> <dir>}
 */
public final class Broker {

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    var config =
        new ConfigurationImpl()
            .setPersistenceEnabled(true)
            .setJournalDirectory(dir.resolve("journal").toString())
            .setBindingsDirectory(dir.resolve("bindings").toString())
            .setPagingDirectory(dir.resolve("paging").toString())
            .setLargeMessagesDirectory(dir.resolve("large").toString())
            .setSecurityEnabled(false)
            .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
    config.addAddressSetting(
        "#",
        new AddressSettings()
            .setDeadLetterAddress(SimpleString.of("signals.dlq"))
            .setMaxDeliveryAttempts(3));
    config.addQueueConfiguration(
        QueueConfiguration.of("signals").setRoutingType(RoutingType.ANYCAST));
    config.addQueueConfiguration(
        QueueConfiguration.of("signals.dlq").setRoutingType(RoutingType.ANYCAST));
    EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(config).start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(broker)));
    Logger.getLogger(Broker.class.getName()).info("broker ready on 127.0.0.1:" + port);
    Thread.currentThread().join();
  }

  private static void stop(EmbeddedActiveMQ broker) {
    try {
      broker.stop();
    } catch (Exception e) {
      Logger.getLogger(Broker.class.getName()).warning("broker stop: " + e);
    }
  }
}
