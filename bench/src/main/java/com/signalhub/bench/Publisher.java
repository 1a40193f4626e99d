package com.signalhub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Publishes signal 1..total on a fixed schedule computed from the start instant (never from the
 * replies, so a slow server cannot slow the schedule down: no coordinated omission), through the
 * HTTP API with the JDK's asynchronous client. Before each send it records the scheduled instant
 * as the signal's hand-over time.
 */
final class Publisher {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI url;
  private final String token;
  private final double rate;
  private final int runId;
  private final HandOverTable table;
  private final BitSet accepted = new BitSet();
  private final Histogram responseMicros = new Histogram(3);
  private long failed;
  private String firstFailure;

  Publisher(URI url, String token, double rate, int runId, HandOverTable table) {
    this.url = url;
    this.token = token;
    this.rate = rate;
    this.runId = runId;
    this.table = table;
  }

  static String body(int runId, long seq, long epochSeconds) {
    return "{\"type\":\"buy\",\"content\":{\"symbol\":\"BENCH\",\"price\":"
        + SignalId.price(runId, seq)
        + ",\"timestamp\":"
        + epochSeconds
        + "},\"is_test\":false}";
  }

  /**
   * Runs the schedule on the calling thread from t0; calls atMeasureStart just before the first
   * measured signal is handed over. Returns when every reply came or timed out.
   */
  void run(long t0, Runnable atMeasureStart) {
    long last = table.lastSeq();
    CompletableFuture<?>[] replies = new CompletableFuture<?>[(int) last];
    for (long seq = 1; seq <= last; seq++) {
      long at = HandOverTable.scheduledAt(t0, rate, seq);
      for (long wait; (wait = at - System.nanoTime()) > 0; ) LockSupport.parkNanos(wait);
      if (seq == table.firstMeasuredSeq()) atMeasureStart.run();
      table.handOver(seq, at);
      replies[(int) seq - 1] = send(seq);
    }
    try {
      CompletableFuture.allOf(replies).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      synchronized (this) {
        if (firstFailure == null) firstFailure = "waiting for replies: " + e;
      }
    }
  }

  private CompletableFuture<Void> send(long seq) {
    long sent = System.nanoTime();
    HttpRequest req =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body(runId, seq, System.currentTimeMillis() / 1000)))
            .build();
    return http.sendAsync(req, HttpResponse.BodyHandlers.ofString())
        .handle(
            (resp, err) -> {
              synchronized (this) {
                if (table.measured(seq)) { // the warm-up's replies (a cold JIT) are not the figure
                  responseMicros.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                }
                if (err == null && resp.statusCode() == 202) {
                  accepted.set((int) seq);
                } else {
                  failed++;
                  if (firstFailure == null) {
                    firstFailure = err != null ? err.toString() : resp.statusCode() + " " + resp.body();
                  }
                }
              }
              return null;
            });
  }

  synchronized BitSet accepted() {
    return (BitSet) accepted.clone();
  }

  synchronized long failed() {
    return failed;
  }

  synchronized String firstFailure() {
    return firstFailure;
  }

  synchronized Histogram responseMicros() {
    return responseMicros.copy();
  }
}
