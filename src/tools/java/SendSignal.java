import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.TextMessage;
import java.time.Instant;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Sends one signal to Signal Hub over JMS, the way an upstream strategy engine would (single-file
 * program; the classpath is written by {@code mvn package}):
 *
 * <pre>
 * java -cp "$(cat target/jms-client.classpath)" src/tools/java/SendSignal.java
 * java -cp "$(cat target/jms-client.classpath)" src/tools/java/SendSignal.java \
 *     '{"type":"sell","content":{"symbol":"ETHUSDT","price":3500.5}}' [key] [broker-url] [queue]
 * </pre>
 *
 * Without a JSON argument it sends a buy of BTCUSDT at 75000.00, timestamped now. The optional key
 * becomes the {@code IdempotencyKey} property: send twice with the same key, get one signal.
 */
public class SendSignal {

  public static void main(String[] args) throws Exception {
    String json =
        args.length > 0 && !args[0].isBlank()
            ? args[0]
            : "{\"type\":\"buy\",\"content\":{\"symbol\":\"BTCUSDT\",\"price\":75000.00,"
                + "\"timestamp\":"
                + Instant.now().getEpochSecond()
                + "}}";
    String key = args.length > 1 && !args[1].isBlank() ? args[1] : null;
    String url = args.length > 2 ? args[2] : "tcp://127.0.0.1:61616";
    String queue = args.length > 3 ? args[3] : "signals";
    try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
        JMSContext jms = factory.createContext()) {
      TextMessage message = jms.createTextMessage(json);
      JMSProducer producer = jms.createProducer();
      if (key != null) {
        producer.setProperty("IdempotencyKey", key);
      }
      producer.send(jms.createQueue(queue), message);
      System.out.println("sent " + message.getJMSMessageID() + " to " + queue + ": " + json);
    }
  }
}
