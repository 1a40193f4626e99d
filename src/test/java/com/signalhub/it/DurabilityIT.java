package com.signalhub.it;

import static com.signalhub.it.Deployments.PUBLISHER;
import static com.signalhub.it.Deployments.SUBSCRIBER;
import static com.signalhub.it.Deployments.SUBSCRIBER_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Stored history, seq, replay with since, idempotency and staleness, over real sockets and H2. */
class DurabilityIT extends DeployedWar {

  private static final Pattern MARKER =
      Pattern.compile(
          "\\{\"type\":\"replay_truncated\",\"content\":\\{\"since\":(\\d+),"
              + "\"first_available_seq\":(\\d+)}}");
  private static final int REPLAY_MAX_COUNT = 100; // it-system.properties

  private long publish(String symbol, String price) throws Exception {
    return Api.seqOf(Api.publish(base, PUBLISHER, Api.signal("buy", symbol, price, Api.now())));
  }

  private static WsClient resume(URI base, long since) throws Exception {
    return WsClient.connect(URI.create(base + "?since=" + since), SUBSCRIBER);
  }

  @Test
  void aResumingClientGetsExactlyWhatItMissedThenLive() throws Exception {
    long before = publish("MISS0", "1");
    List<Long> missed = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      missed.add(publish("MISS" + i, "1." + i));
    }
    try (WsClient client = resume(base, before)) {
      for (int i = 0; i < missed.size(); i++) {
        String frame = client.next();
        assertEquals(missed.get(i), Api.seqOfFrame(frame), frame);
        assertTrue(frame.contains("\"symbol\":\"MISS" + (i + 1) + "\""), frame);
      }
      long live = publish("LIVE", "2");
      assertEquals(live, Api.seqOfFrame(client.next()));
    }
  }

  @Test
  void aSinceBeyondWhatIsStoredStillGetsLiveSignals() throws Exception {
    try (WsClient client = resume(base, 999_999_999L)) { // a bogus since, or a database reset
      long live = publish("AHEAD", "1");
      assertEquals(live, Api.seqOfFrame(client.next()));
    }
  }

  @Test
  void seqIsStrictlyIncreasingAndInTheReceipt() throws Exception {
    long first = publish("SEQ", "1");
    long second = publish("SEQ", "2");
    assertTrue(second > first);
  }

  @Test
  void replaysAndLiveClientsRacingManyPublishersHaveNoGapAndNoDuplicate() throws Exception {
    long since = publish("RACE0", "1");
    List<WsClient> live = new ArrayList<>();
    for (int c = 0; c < 2; c++) { // connected before: every signal, live only
      live.add(WsClient.connect(base, SUBSCRIBER_2));
    }
    int publishers = 4;
    int each = 200;
    Semaphore published = new Semaphore(0); // one permit per stored signal
    ExecutorService pool = Executors.newFixedThreadPool(publishers);
    List<CompletableFuture<Void>> running = new ArrayList<>();
    for (int p = 0; p < publishers; p++) {
      String symbol = "RACE" + (p + 1);
      running.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = 1; i <= each; i++) {
                  try {
                    publish(symbol, "" + i);
                    published.release();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }
              },
              pool));
    }
    // Clients resume while signals keep being stored: at the start, and as the count goes up.
    List<WsClient> resumed = new ArrayList<>();
    for (int c = 0; c < 5; c++) { // the token's cap in the tests is 6 sessions
      if (c > 0) { // land mid-stream: after the next sixth of the signals is stored
        assertTrue(published.tryAcquire(publishers * each / 6, 60, TimeUnit.SECONDS));
      }
      resumed.add(resume(base, since));
    }
    CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    pool.shutdown();
    long last = publish("RACE-END", "1");
    List<Long> stored = storedSeqs(since, last);
    for (WsClient client : resumed) {
      try (client) {
        List<Long> seen = new ArrayList<>();
        long start = since;
        String frame = client.next();
        Matcher marker = MARKER.matcher(frame);
        if (marker.matches()) { // a late client may be past the replay bound: told so, first
          start = Long.parseLong(marker.group(2)) - 1;
          frame = client.next();
        }
        seen.addAll(seqsUpTo(client, frame, last));
        long from = start;
        assertEquals(
            stored.stream().filter(seq -> seq > from).toList(),
            seen,
            "since " + since + " from " + from);
      }
    }
    for (WsClient client : live) {
      try (client) {
        assertEquals(stored, seqsUpTo(client, client.next(), last), "a live client");
      }
    }
  }

  /** The seqs of {@code first} and the frames after it, up to and including {@code last}. */
  private static List<Long> seqsUpTo(WsClient client, String first, long last) throws Exception {
    List<Long> seen = new ArrayList<>();
    String frame = first;
    while (true) {
      long seq = Api.seqOfFrame(frame);
      seen.add(seq);
      if (seq >= last) {
        return seen;
      }
      frame = client.next();
    }
  }

  @Test
  void aReplayPastItsBoundStartsWithAMarker() throws Exception {
    long since = publish("TRUNC0", "1");
    List<Long> seqs = new ArrayList<>();
    for (int i = 1; i <= REPLAY_MAX_COUNT + 20; i++) {
      seqs.add(publish("TRUNC", "" + i));
    }
    try (WsClient client = resume(base, since)) {
      long firstAvailable = seqs.get(20);
      assertEquals(
          "{\"type\":\"replay_truncated\",\"content\":{\"since\":"
              + since
              + ",\"first_available_seq\":"
              + firstAvailable
              + "}}",
          client.next());
      for (int i = 20; i < seqs.size(); i++) {
        assertEquals(seqs.get(i), Api.seqOfFrame(client.next()));
      }
    }
  }

  @Test
  void aRetriedPublishWithTheSameKeyIsStoredAndBroadcastOnce() throws Exception {
    try (WsClient client = WsClient.connect(base, SUBSCRIBER)) {
      String body = Api.signal("sell", "IDEM", "3.3", Api.now());
      String key = "order-" + System.nanoTime(); // the IT database outlives one run
      HttpResponse<String> first = Api.publish(base, PUBLISHER, body, key);
      HttpResponse<String> retry = Api.publish(base, PUBLISHER, body, key);
      assertEquals(202, retry.statusCode());
      assertEquals(first.body(), retry.body(), "the retry answers with the first receipt");
      assertEquals("false", first.headers().firstValue("Idempotent-Replayed").orElse(""));
      assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
      assertEquals(Api.seqOf(first), Api.seqOfFrame(client.next()));
      long after = publish("AFTER-IDEM", "1");
      assertEquals(after, Api.seqOfFrame(client.next()), "the retry was not broadcast");
    }
  }

  @Test
  void aStaleSignalIsRefusedWith422AndNotBroadcast() throws Exception {
    try (WsClient client = WsClient.connect(base, SUBSCRIBER)) {
      HttpResponse<String> stale =
          Api.publish(base, PUBLISHER, Api.signal("buy", "STALE", "1", Api.now() - 61));
      assertEquals(422, stale.statusCode());
      assertTrue(
          stale.body().startsWith("{\"error\":\"stale_signal\",\"message\":\"signal is stale"));
      HttpResponse<String> ahead =
          Api.publish(base, PUBLISHER, Api.signal("buy", "AHEAD", "1", Api.now() + 3600));
      assertEquals(422, ahead.statusCode());
      long fresh = publish("FRESH", "1");
      assertEquals(fresh, Api.seqOfFrame(client.next()));
    }
  }

  @Test
  void historyApiPagesThroughTheLog() throws Exception {
    long since = publish("HIST0", "1");
    long a = publish("HIST1", "1.10");
    long b = publish("HIST2", "2.20");
    HttpResponse<String> page = Api.history(base, SUBSCRIBER, "since=" + since + "&limit=1");
    assertEquals(200, page.statusCode());
    assertTrue(
        page.body()
            .matches(
                "\\{\"last_seq\":"
                    + a
                    + ",\"signals\":\\[\\{\"type\":\"buy\",\"content\":\\{"
                    + "\"symbol\":\"HIST1\",\"price\":1.10,\"timestamp\":\\d+},\"is_test\":false,"
                    + "\"seq\":"
                    + a
                    + "}]}"),
        page.body());
    assertTrue(Api.history(base, SUBSCRIBER, "since=" + a).body().contains("\"seq\":" + b));
    assertEquals(401, Api.history(base, null, "since=0").statusCode());
    assertEquals(400, Api.history(base, SUBSCRIBER, "since=-1").statusCode());
    assertEquals(400, Api.history(base, SUBSCRIBER, "limit=1001").statusCode());
    assertEquals(400, Api.history(base, SUBSCRIBER, "since=x").statusCode());
  }

  @Test
  void aMalformedSinceIsRefusedWith1008() throws Exception {
    WsClient client = new WsClient();
    java.net.http.HttpClient.newHttpClient()
        .newWebSocketBuilder()
        .header("Authorization", "Bearer " + SUBSCRIBER)
        .buildAsync(URI.create(WsClient.streamUri(base) + "?since=yesterday"), client)
        .get(15, TimeUnit.SECONDS);
    assertEquals(1008, client.awaitClose().code());
  }

  private List<Long> storedSeqs(long since, long last) throws Exception {
    List<Long> seqs = new ArrayList<>();
    long from = since;
    while (from < last) {
      String body = Api.history(base, SUBSCRIBER, "since=" + from + "&limit=1000").body();
      Matcher seq = Pattern.compile("\"seq\":(\\d+)").matcher(body);
      while (seq.find()) {
        seqs.add(Long.parseLong(seq.group(1)));
      }
      from = seqs.get(seqs.size() - 1);
    }
    return seqs;
  }
}
