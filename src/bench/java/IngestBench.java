import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ingest and replay benchmark against a running Signal Hub (single-file program, JDK 17+):
 *
 * <pre>
 * java src/bench/java/IngestBench.java [base-url] [publisher-secret] [subscriber-secret] [signals] [threads]
 * java src/bench/java/IngestBench.java http://127.0.0.1:8080 dev-publisher-secret-0001 dev-subscriber-secret-0001 10000 4
 * java src/bench/java/IngestBench.java http://127.0.0.1:8081,http://127.0.0.1:8082,http://127.0.0.1:8083 … 10000 6
 * </pre>
 *
 * Publishes {@code signals} over HTTP from {@code threads} keep-alive clients (each stored before
 * its 202), prints throughput and latency percentiles, then connects with {@code ?since=} the seq
 * before the first and times the replay of all of them. Several base URLs (instances of one
 * cluster) take the threads in turn; the replay is read from the first.
 */
public class IngestBench {

  private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
  private static final Pattern FIRST_AVAILABLE = Pattern.compile("\"first_available_seq\":(\\d+)");

  public static void main(String[] args) throws Exception {
    List<URI> bases =
        Arrays.stream((args.length > 0 ? args[0] : "http://127.0.0.1:8080").split(","))
            .map(URI::create)
            .toList();
    URI base = bases.get(0);
    String publisher = args.length > 1 ? args[1] : "dev-publisher-secret-0001";
    String subscriber = args.length > 2 ? args[2] : "dev-subscriber-secret-0001";
    int signals = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
    int threads = args.length > 4 ? Integer.parseInt(args[4]) : 4;

    HttpClient http = HttpClient.newHttpClient();
    long firstSeq = publish(http, base, publisher); // warm-up, and the replay's starting point
    long[] latenciesNanos = new long[signals];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<CompletableFuture<Void>> runs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      URI target = bases.get(t % bases.size());
      runs.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = next.getAndIncrement(); i < signals; i = next.getAndIncrement()) {
                  long sent = System.nanoTime();
                  try {
                    publish(http, target, publisher);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  latenciesNanos[i] = System.nanoTime() - sent;
                }
              },
              pool));
    }
    CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Arrays.sort(latenciesNanos);
    System.out.printf(
        "HTTP ingest: %d signals, %d threads, %d instance(s), %.2f s, %.0f signals/s%n",
        signals, threads, bases.size(), seconds, signals / seconds);
    System.out.printf(
        "  publish latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
        pct(latenciesNanos, 50),
        pct(latenciesNanos, 90),
        pct(latenciesNanos, 99),
        latenciesNanos[signals - 1] / 1e6);

    CountDownLatch replayed = new CountDownLatch(signals);
    AtomicInteger markers = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger(); // older than the replay bounds serve: not awaited
    long replayStart = System.nanoTime();
    WebSocket socket =
        http.newWebSocketBuilder()
            .header("Authorization", "Bearer " + subscriber)
            .buildAsync(
                URI.create(base.toString().replaceFirst("^http", "ws") + "?since=" + firstSeq),
                new WebSocket.Listener() {
                  private final StringBuilder partial = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                      String frame = partial.toString();
                      partial.setLength(0);
                      if (frame.startsWith("{\"type\":\"replay_truncated\"")) {
                        markers.incrementAndGet();
                        Matcher first = FIRST_AVAILABLE.matcher(frame);
                        if (first.find()) {
                          int gap =
                              (int)
                                  Math.min(signals, Long.parseLong(first.group(1)) - firstSeq - 1);
                          skipped.addAndGet(Math.max(gap, 0));
                          for (int i = 0; i < gap; i++) {
                            replayed.countDown();
                          }
                        }
                      } else if (SEQ.matcher(frame).find()) {
                        replayed.countDown();
                      }
                    }
                    ws.request(1);
                    return null;
                  }
                })
            .get(15, TimeUnit.SECONDS);
    boolean complete = replayed.await(120, TimeUnit.SECONDS);
    double replaySeconds = (System.nanoTime() - replayStart) / 1e9;
    System.out.printf(
        "Replay of %d signals (connect to last frame): %.3f s%s%s%n",
        signals - replayed.getCount() - skipped.get(),
        replaySeconds,
        complete ? "" : " (INCOMPLETE)",
        markers.get() > 0
            ? " after a replay_truncated marker (" + skipped.get() + " older ones not served)"
            : "");
    socket.abort();
  }

  private static long publish(HttpClient http, URI base, String token) throws Exception {
    String body = "{\"type\":\"buy\",\"content\":{\"symbol\":\"BENCH\",\"price\":75000.00}}";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/signals"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher seq = SEQ.matcher(response.body());
    if (response.statusCode() != 202 || !seq.find()) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return Long.parseLong(seq.group(1));
  }

  private static double pct(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)]
        / 1e6;
  }
}
