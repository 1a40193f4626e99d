package com.signalhub.it;

import static com.signalhub.it.Deployments.PUBLISHER;
import static com.signalhub.it.Deployments.SUBSCRIBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Three instances on one PostgreSQL and one broker (the production configuration, cluster on),
 * booted in parallel: publishers on all three at once (HTTP on each, JMS on the shared queue), and
 * a client on every instance must see exactly the stored seqs, in order — also on the instance that
 * ignores 30 % of the others' messages and on the one that gets 30 % of them late (the gaps come
 * from the database). A fourth instance joins while they publish and delivers live from its join.
 * One Idempotency-Key sent to every instance at once stores one signal. Then one instance is killed
 * mid-stream: the others' clients miss nothing, and its client, reconnecting to another instance
 * with {@code since}, gets exactly the rest. Skipped without PostgreSQL.
 */
class ClusterIT {

  private static final int HTTP_PER_INSTANCE = 800;
  private static final int OVER_JMS = 800;
  private static final int AFTER_JOIN = 200;
  private static final int MORE = 120;
  private static final long WAIT_MS = 120_000;
  private static final int PUBLISH_ATTEMPTS = 4;
  private static final Logger LOG = Logger.getLogger(ClusterIT.class.getName());
  private static final Pattern LAST_SEQ = Pattern.compile("\"last_seq\":(\\d+)");

  @Test
  void everyInstanceDeliversEverySignalOnceInSeqOrder() throws Exception {
    assumeTrue(
        System.getenv("SIGNALHUB_DB_HOST") != null,
        "SIGNALHUB_DB_HOST etc. not set: no PostgreSQL to test against (.ci/run provides one)");
    Path logs = Files.createDirectories(Path.of("target", "cluster-it", "" + System.nanoTime()));
    try (ExternalBroker broker = new ExternalBroker(logs.resolve("broker"))) {
      List<PayaraProcess> hubs = startInParallel(broker, logs, 3);
      CompletableFuture<PayaraProcess> joining = null;
      try {
        List<WsClient> clients = new ArrayList<>();
        for (PayaraProcess hub : hubs) {
          clients.add(WsClient.connect(hub.base, SUBSCRIBER));
        }
        long before = newestSeq(hubs.get(0).base);
        joining = start(broker, logs, 3);

        AtomicInteger symbols = new AtomicInteger();
        List<CompletableFuture<Void>> publishing = new ArrayList<>();
        for (PayaraProcess hub : hubs) {
          publishing.add(overHttp(hub.base, HTTP_PER_INSTANCE, symbols));
        }
        publishing.add(overJms(broker, OVER_JMS, symbols));
        CompletableFuture<Void> joined = new CompletableFuture<>();
        publishing.add(untilJoined(hubs.get(0).base, joined, symbols));

        hubs.add(joining.get(300, TimeUnit.SECONDS));
        WsClient late = WsClient.connect(hubs.get(3).base, SUBSCRIBER);
        long newestAtJoin = newestSeq(hubs.get(3).base);
        joined.complete(null);
        for (CompletableFuture<Void> publisher : publishing) {
          publisher.get(WAIT_MS, TimeUnit.MILLISECONDS);
        }
        long total = newestSeq(hubs.get(1).base) - before;
        assertTrue(total >= 3L * HTTP_PER_INSTANCE + OVER_JMS + AFTER_JOIN, "published: " + total);
        assertEquals(symbols.get(), total, "every signal published is stored, one seq each");
        List<Long> expected = LongStream.rangeClosed(before + 1, before + total).boxed().toList();
        for (int i = 0; i < clients.size(); i++) {
          assertSeqs(expected, receive(clients.get(i), expected.size()), "a client of hub-" + i);
        }
        List<Long> fromJoin = receiveUpTo(late, before + total);
        long first = fromJoin.get(0);
        assertTrue(first <= newestAtJoin + 1, "hub-3 live from its join: " + first);
        assertSeqs(
            LongStream.rangeClosed(first, before + total).boxed().toList(),
            fromJoin,
            "the client of hub-3, which joined at " + newestAtJoin);
        clients.add(late);
        for (int i = 1; i <= 2; i++) {
          assertTrue(
              Api.counter(hubs.get(i).base, "signalhub_feed_caught_up_total", "") > 0,
              "hub-" + i + " filled its gaps from the database");
        }
        // the topic carried the others' HTTP signals (all but the few published while its reader
        // renews its subscription, which come from the database; the JMS ones any instance took)
        double heard = Api.counter(hubs.get(0).base, "signalhub_feed_heard_total", "");
        assertTrue(
            heard >= 0.9 * 2 * HTTP_PER_INSTANCE,
            "hub-0 heard the others' over the topic: " + heard);

        // one Idempotency-Key sent to the three instances at once: one signal
        String keyed = Api.signal("buy", "KEYED", "3.5", Api.now());
        String key = "cluster-" + System.nanoTime();
        List<CompletableFuture<Long>> sameKey = new ArrayList<>();
        for (PayaraProcess hub : hubs) {
          sameKey.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return Api.seqOf(Api.publish(hub.base, PUBLISHER, keyed, key));
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  }));
        }
        Set<Long> keyedSeqs = new HashSet<>();
        for (CompletableFuture<Long> receipt : sameKey) {
          keyedSeqs.add(receipt.get(WAIT_MS, TimeUnit.MILLISECONDS));
        }
        assertEquals(Set.of(before + total + 1), keyedSeqs, "one signal for one key");
        for (int i = 0; i < clients.size(); i++) {
          assertSeqs(List.of(before + total + 1), receive(clients.get(i), 1), "hub-" + i);
        }

        // hub-2 dies mid-stream; its client goes to hub-0 with since
        long second = newestSeq(hubs.get(0).base);
        // (what the orphan misses must fit in one replay: the tests' replay.max-count is 100)
        CompletableFuture<Void> more = overHttp(hubs.get(0).base, MORE / 2, symbols);
        CompletableFuture<Void> moreOnOther = overHttp(hubs.get(1).base, MORE / 2, symbols);
        List<Long> seenByOrphan = new ArrayList<>();
        while (seenByOrphan.size() < 30) {
          seenByOrphan.addAll(receive(clients.get(2), 1));
        }
        hubs.get(2).close(); // SIGKILL
        more.get(WAIT_MS, TimeUnit.MILLISECONDS);
        moreOnOther.get(WAIT_MS, TimeUnit.MILLISECONDS);
        List<Long> rest = LongStream.rangeClosed(second + 1, second + MORE).boxed().toList();
        for (int i = 0; i < 2; i++) {
          assertSeqs(rest, receive(clients.get(i), rest.size()), "a client of hub-" + i);
        }
        long last = seenByOrphan.get(seenByOrphan.size() - 1);
        try (WsClient resumed =
            WsClient.connect(
                WsClient.http(),
                hubs.get(0).base.resolve("/?since=" + last),
                Map.of("Authorization", "Bearer " + SUBSCRIBER))) {
          List<Long> afterLast = LongStream.rangeClosed(last + 1, second + MORE).boxed().toList();
          assertSeqs(afterLast, receive(resumed, afterLast.size()), "the orphan, resumed");
        }
        assertEquals(
            rest.subList(0, seenByOrphan.size()), seenByOrphan, "the orphan's own, before");
        assertEquals(
            List.of(),
            PayaraProcess.alarming(logs.resolve("hub-0.log")),
            "the production configuration boots and runs quietly, the others' faults included");
      } finally {
        for (PayaraProcess hub : hubs) {
          hub.close();
        }
        PayaraProcess fourth = // also when the test failed before it joined
            joining == null
                ? null
                : joining.handle((hub, failed) -> hub).get(300, TimeUnit.SECONDS);
        if (fourth != null) {
          fourth.close();
        }
      }
    }
  }

  private static List<PayaraProcess> startInParallel(ExternalBroker broker, Path logs, int count)
      throws Exception {
    List<CompletableFuture<PayaraProcess>> starting = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      starting.add(start(broker, logs, i));
    }
    List<PayaraProcess> hubs = new ArrayList<>();
    for (CompletableFuture<PayaraProcess> hub : starting) {
      hubs.add(hub.get(300, TimeUnit.SECONDS));
    }
    return hubs;
  }

  /**
   * hub-1 ignores 30 % of the others' messages and hub-2 gets 30 % of them 500 ms late (past the
   * 200 ms gap wait): those seqs reach them from the database, and the late ones are dropped.
   */
  private static CompletableFuture<PayaraProcess> start(ExternalBroker broker, Path logs, int i) {
    Map<String, String> env = new HashMap<>(broker.environment());
    env.put("SIGNALHUB_CLUSTER_ENABLED", "true");
    env.put("SIGNALHUB_INSTANCE_NAME", "hub-" + i);
    if (i == 1) {
      env.put("SIGNALHUB_CLUSTER_TEST_DROP_PERCENT", "30");
    }
    if (i == 2) {
      env.put("SIGNALHUB_CLUSTER_TEST_DELAY_PERCENT", "30");
      env.put("SIGNALHUB_CLUSTER_TEST_DELAY_MS", "500");
    }
    Path log = logs.resolve("hub-" + i + ".log");
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return PayaraProcess.withPostgres(log, env);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Publishes one every 10 ms until {@code joined}, then {@link #AFTER_JOIN} more. */
  private static CompletableFuture<Void> untilJoined(
      URI base, CompletableFuture<Void> joined, AtomicInteger symbols) {
    return CompletableFuture.runAsync(
            () -> {
              try {
                while (!joined.isDone()) {
                  String signal =
                      Api.signal("buy", "T" + symbols.incrementAndGet(), "4.5", Api.now());
                  publishUntilAnswered(base, signal);
                  Thread.sleep(10); // a steady stream while the fourth instance boots
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .thenCompose(ignored -> overHttp(base, AFTER_JOIN, symbols));
  }

  private static CompletableFuture<Void> overHttp(URI base, int count, AtomicInteger symbols) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            for (int i = 0; i < count; i++) {
              String signal = Api.signal("buy", "C" + symbols.incrementAndGet(), "1.5", Api.now());
              publishUntilAnswered(base, signal);
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /**
   * What a publisher following the README does: one Idempotency-Key per signal, and the same
   * request again when no answer came in time (four instances booting and publishing on two cores
   * can keep one waiting past the client's timeout). The key keeps "one seq each" exact.
   */
  private static void publishUntilAnswered(URI base, String signal) throws Exception {
    String key = "cluster-" + UUID.randomUUID();
    for (int attempt = 1; ; attempt++) {
      try {
        assertEquals(202, Api.publish(base, PUBLISHER, signal, key).statusCode(), signal);
        return;
      } catch (HttpTimeoutException e) {
        if (attempt == PUBLISH_ATTEMPTS) {
          throw e;
        }
        LOG.log(Level.WARNING, "No answer to a publish to {0} in time; sent again", base);
      }
    }
  }

  private static CompletableFuture<Void> overJms(
      ExternalBroker broker, int count, AtomicInteger symbols) {
    return CompletableFuture.runAsync(
        () -> {
          try (Jms jms =
              new Jms(
                  broker.port,
                  ExternalBroker.USER,
                  ExternalBroker.PASSWORD,
                  ExternalBroker.QUEUE,
                  ExternalBroker.DEAD_LETTERS)) {
            for (int i = 0; i < count; i++) {
              String signal = Api.signal("sell", "J" + symbols.incrementAndGet(), "2.5", Api.now());
              jms.send(signal, "cluster-" + i, Map.of());
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static long newestSeq(URI base) throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(base.resolve("/api/signals/latest?limit=1"))
            .header("Authorization", "Bearer " + SUBSCRIBER)
            .build();
    String body =
        WsClient.http().send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    Matcher last = LAST_SEQ.matcher(body);
    assertTrue(last.find(), body);
    return Long.parseLong(last.group(1));
  }

  /** The seqs a client receives until it has {@code last} (test answers left out). */
  private static List<Long> receiveUpTo(WsClient client, long last) throws InterruptedException {
    List<Long> seqs = new ArrayList<>();
    long deadline = System.currentTimeMillis() + WAIT_MS;
    while ((seqs.isEmpty() || seqs.get(seqs.size() - 1) < last)
        && System.currentTimeMillis() < deadline) {
      seqs.addAll(receive(client, 1));
    }
    assertTrue(!seqs.isEmpty() && seqs.get(seqs.size() - 1) == last, "got up to " + last);
    return seqs;
  }

  /** The seqs of the next {@code count} signal frames (test answers left out). */
  private static List<Long> receive(WsClient client, int count) throws InterruptedException {
    List<Long> seqs = new ArrayList<>();
    long deadline = System.currentTimeMillis() + WAIT_MS;
    while (seqs.size() < count && System.currentTimeMillis() < deadline) {
      String frame =
          client.messages.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
      if (frame != null && !frame.contains("\"is_test\":true")) {
        seqs.add(Api.seqOfFrame(frame));
      }
    }
    return seqs;
  }

  private static void assertSeqs(List<Long> expected, List<Long> seen, String who) {
    assertEquals(expected.size(), seen.size(), who + " got " + seen.size() + " signals");
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).equals(seen.get(i))) {
        throw new AssertionError(
            who + ": at " + i + " expected seq " + expected.get(i) + " but got " + seen.get(i));
      }
    }
  }
}
