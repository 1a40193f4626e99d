package com.signalhub.it;

import static com.signalhub.it.Deployments.PUBLISHER;
import static com.signalhub.it.Deployments.SUBSCRIBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code server-config/cluster/local.sh} as an operator uses it: {@code start 2} prints each
 * instance's address once ready, a signal published to one reaches a client of the other (and
 * publishes waiting on a locked database leave its stream served), {@code start 3} adds a third
 * beside the running two, {@code kill 2} takes one down, {@code stop} leaves nothing listening. On
 * free ports, its data under {@code target/}.
 */
class LocalClusterIT {

  private static final Path SCRIPT = Path.of("server-config/cluster/local.sh");

  @Test
  void startsInstancesThatShareSignalsAddsOneKillsOneAndStopsThemAll() throws Exception {
    int base = freeRange(3);
    int db = freeRange(0) + 1;
    int broker = freeRange(0) + 1;
    assertTrue(
        db != broker && (db <= base || db > base + 3) && (broker <= base || broker > base + 3),
        "distinct ports (rerun if this ever fails: the kernel handed out one twice)");
    Path data =
        Files.createDirectories(Path.of("target", "local-cluster-it", "" + System.nanoTime()));
    Map<String, String> env =
        Map.of(
            "CLUSTER_BASE_PORT", "" + base,
            "CLUSTER_DB_PORT", "" + db,
            "CLUSTER_BROKER_PORT", "" + broker,
            "CLUSTER_DATA", data.toAbsolutePath().toString(),
            "SIGNALHUB_TOKENS",
                "it-subscriber:subscriber:" + SUBSCRIBER + ",it-publisher:publisher:" + PUBLISHER);
    try {
      assertEquals(
          List.of(ready(base, 1), ready(base, 2)),
          script(env, data.resolve("start-2.out"), "start", "2"));
      URI one = URI.create("http://127.0.0.1:" + (base + 1) + "/");
      URI two = URI.create("http://127.0.0.1:" + (base + 2) + "/");
      try (WsClient onTwo = WsClient.connect(two, SUBSCRIBER)) {
        long seq =
            Api.seqOf(Api.publish(one, PUBLISHER, Api.signal("buy", "LOCAL", "1.5", Api.now())));
        assertEquals(seq, Api.seqOfFrame(onTwo.messages.poll(30, TimeUnit.SECONDS)));
      }
      publishesWaitingOnALockedDatabaseLeaveTheStreamServed(one, db);

      assertEquals(
          List.of(ready(base, 1), ready(base, 2), ready(base, 3)),
          script(env, data.resolve("start-3.out"), "start", "3"));
      URI three = URI.create("http://127.0.0.1:" + (base + 3) + "/");
      try (WsClient onThree = WsClient.connect(three, SUBSCRIBER)) {
        long seq =
            Api.seqOf(Api.publish(two, PUBLISHER, Api.signal("sell", "LOCAL", "2.5", Api.now())));
        assertEquals(seq, Api.seqOfFrame(onThree.messages.poll(30, TimeUnit.SECONDS)));
      }

      script(env, data.resolve("kill-2.out"), "kill", "2");
      assertFalse(listening(base + 2), "hub-2 killed");
      assertTrue(listening(base + 1) && listening(base + 3), "the others still up");
    } finally {
      script(env, data.resolve("stop.out"), "stop");
    }
    for (int port : new int[] {base + 1, base + 3, db, broker}) {
      assertFalse(listening(port), "nothing left on " + port);
    }
  }

  /**
   * Another transaction holds the signal counter (a long report, a stalled database): publishes
   * wait for it on the intake's threads, not on the container's 8 workers, so upgrades and health
   * probes are still answered meanwhile; the waiting publishes are stored once it lets go.
   */
  private static void publishesWaitingOnALockedDatabaseLeaveTheStreamServed(URI one, int db)
      throws Exception {
    int waiting = 16; // twice the container's worker threads
    HttpClient parallel = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<CompletableFuture<HttpResponse<String>>> publishes = new ArrayList<>();
    try (WsClient watcher = WsClient.connect(one, SUBSCRIBER)) {
      try (Connection other =
          DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + db + "/signalhub", "", "")) {
        other.setAutoCommit(false);
        other
            .createStatement()
            .executeQuery("SELECT last_seq FROM signal_counter WHERE id = 1 FOR UPDATE")
            .close();
        for (int i = 0; i < waiting; i++) {
          publishes.add(
              parallel.sendAsync(
                  Api.publishRequest(
                          one, PUBLISHER, Api.signal("buy", "LOCKED", "1." + i, Api.now()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (Api.counter(one, "signalhub_publishes_pending", "") < waiting) {
          assertTrue(System.nanoTime() < deadline, "the publishes never all waited");
          Thread.sleep(20); // polling a gauge: the server gives no other sign, bounded above
        }
        CompletableFuture<WsClient> late =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return WsClient.connect(one, SUBSCRIBER);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        try (WsClient upgraded = late.get(5, TimeUnit.SECONDS)) {
          assertTrue(publishes.stream().noneMatch(CompletableFuture::isDone), "still waiting");
        }
        other.rollback();
      }
      List<Long> stored = new ArrayList<>();
      for (CompletableFuture<HttpResponse<String>> publish : publishes) {
        stored.add(Api.seqOf(publish.get(30, TimeUnit.SECONDS)));
      }
      stored.sort(null);
      List<Long> received = new ArrayList<>();
      for (int i = 0; i < waiting; i++) {
        received.add(Api.seqOfFrame(watcher.messages.poll(30, TimeUnit.SECONDS)));
      }
      assertEquals(stored, received, "every waiting publish stored and sent once, in order");
    }
  }

  private static String ready(int base, int i) {
    return "instance hub-" + i + " ready on http://127.0.0.1:" + (base + i);
  }

  /** Runs the script to its end (it returns once what it started is ready); its stdout lines. */
  private static List<String> script(Map<String, String> env, Path out, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(Path.of(out + ".err").toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("local.sh " + String.join(" ", args) + " did not return");
    }
    assertEquals(
        0,
        process.exitValue(),
        "local.sh " + String.join(" ", args) + ": " + Files.readString(Path.of(out + ".err")));
    return Files.readAllLines(out);
  }

  /** A port p whose p+1 … p+count are free now (0: one free port, returned minus one). */
  private static int freeRange(int count) throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port;
      try (ServerSocket probe = new ServerSocket(0, 1, null)) {
        port = probe.getLocalPort();
      }
      int base = port - 1;
      boolean free = true;
      for (int i = 2; i <= count && free; i++) {
        free = base + i < 65_536 && !listening(base + i);
      }
      if (free) {
        return base;
      }
    }
    throw new IOException("no free port range");
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
