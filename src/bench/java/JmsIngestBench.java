import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * JMS ingest benchmark against a running Signal Hub (single-file program; the classpath is written
 * by {@code mvn package}):
 *
 * <pre>
 * java -cp "$(cat target/jms-client.classpath)" src/bench/java/JmsIngestBench.java \
 *     [base-url] [subscriber-secret] [signals] [broker-url] [queue]
 * java -cp "$(cat target/jms-client.classpath)" src/bench/java/JmsIngestBench.java \
 *     http://127.0.0.1:8080 dev-subscriber-secret-0001 10000 \
 *     'tcp://127.0.0.1:61616?blockOnDurableSend=false' signals
 * </pre>
 *
 * A WebSocket subscriber watches while {@code signals} persistent text messages are sent to the
 * queue as fast as the broker takes them. Each carries its index in the price; the time from the
 * first send to the last frame is the rate of signals stored and broadcast, and each signal's
 * latency is from its send to its frame (queueing included: the producer outruns the consumer).
 */
public class JmsIngestBench {

  private static final AtomicLong lastFrame = new AtomicLong();
  private static final Pattern PRICE = Pattern.compile("\"symbol\":\"JMSBENCH\",\"price\":(\\d+)");

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
    String subscriber = args.length > 1 ? args[1] : "dev-subscriber-secret-0001";
    int signals = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    // Not waiting for the broker's fsync per send: the producer must outrun Signal Hub's consumer.
    String broker = args.length > 3 ? args[3] : "tcp://127.0.0.1:61616?blockOnDurableSend=false";
    String queueName = args.length > 4 ? args[4] : "signals";

    long[] sentAt = new long[signals];
    long[] latencies = new long[signals];
    CountDownLatch received = new CountDownLatch(signals);
    WebSocket socket = subscribe(base, subscriber, sentAt, latencies, received);

    long start;
    double sendSeconds;
    try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker);
        JMSContext jms = factory.createContext()) {
      Queue queue = jms.createQueue(queueName);
      JMSProducer producer = jms.createProducer();
      start = System.nanoTime();
      for (int i = 0; i < signals; i++) {
        sentAt[i] = System.nanoTime();
        producer.send(queue, jms.createTextMessage(signal(i)));
      }
      sendSeconds = (System.nanoTime() - start) / 1e9;
    }
    boolean complete = received.await(600, TimeUnit.SECONDS);
    double seconds = (lastFrame.get() - start) / 1e9;
    socket.abort();
    long got = signals - received.getCount();
    System.out.printf(
        "JMS ingest: %d signals sent in %.2f s (%.0f/s into the broker); %d stored and broadcast"
            + " in %.2f s: %.0f signals/s%s%n",
        signals,
        sendSeconds,
        signals / sendSeconds,
        got,
        seconds,
        got / seconds,
        complete ? "" : " (INCOMPLETE)");
    long[] sorted = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
    System.out.printf(
        "  send-to-frame latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
        pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
  }

  private static String signal(int index) {
    return "{\"type\":\"buy\",\"content\":{\"symbol\":\"JMSBENCH\",\"price\":"
        + (index + 1) // prices must be positive
        + ",\"timestamp\":"
        + Instant.now().getEpochSecond()
        + "}}";
  }

  private static WebSocket subscribe(
      URI base, String token, long[] sentAt, long[] latencies, CountDownLatch received)
      throws Exception {
    return HttpClient.newHttpClient()
        .newWebSocketBuilder()
        .header("Authorization", "Bearer " + token)
        .buildAsync(
            URI.create(base.toString().replaceFirst("^http", "ws")),
            new WebSocket.Listener() {
              private final StringBuilder partial = new StringBuilder();

              @Override
              public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                  Matcher price = PRICE.matcher(partial);
                  if (price.find()) {
                    int i = Integer.parseInt(price.group(1)) - 1;
                    if (i < latencies.length && latencies[i] == 0) {
                      long now = System.nanoTime();
                      latencies[i] = now - sentAt[i];
                      lastFrame.accumulateAndGet(now, Math::max);
                      received.countDown();
                    }
                  }
                  partial.setLength(0);
                }
                ws.request(1);
                return null;
              }
            })
        .get(15, TimeUnit.SECONDS);
  }

  private static double pct(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)]
        / 1e6;
  }
}
