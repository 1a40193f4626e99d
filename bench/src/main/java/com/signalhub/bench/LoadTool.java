package com.signalhub.bench;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * WebSocket fan-out load tool: N authenticated clients, signals published at a fixed rate over
 * HTTP, per-frame hand-over-to-receipt latency, missing and duplicated frames per client, and the
 * server's memory and CPU time from /proc. See bench/README.md.
 */
public final class LoadTool implements WsClient.Events {
  private final Options o;
  private final HandOverTable table;
  private final Recorder latencyMicros = new Recorder(3);
  private final Recorder connectMicros = new Recorder(3);
  private final Semaphore handshakes;
  private final CountDownLatch settled;
  private final LongAdder connected = new LongAdder();
  private final LongAdder failedConnects = new LongAdder();
  private final LongAdder unanswered = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder refusedWithRetryAfter = new LongAdder();
  private final Map<Integer, LongAdder> refusedByStatus = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> unansweredByKind = new ConcurrentHashMap<>();
  private volatile Clients net;
  private volatile String[] tokens;
  private final LongAdder readersDisconnected = new LongAdder();
  private final LongAdder slowDisconnected = new LongAdder();
  private final LongAdder distinctFrames = new LongAdder();
  private final LongAdder measuredFrames = new LongAdder();
  private final LongAdder slowFrames = new LongAdder();
  private final AtomicLong lastConnectedNanos = new AtomicLong();
  private final AtomicLong lastFrameNanos = new AtomicLong();
  private volatile String firstConnectError;

  LoadTool(Options o) {
    this.o = o;
    long first = HandOverTable.firstMeasuredSeq(o.rate, o.warmup);
    this.table = new HandOverTable(HandOverTable.totalSignals(o.rate, o.warmup, o.duration), first);
    this.handshakes = new Semaphore(o.maxHandshakes);
    this.settled = new CountDownLatch(o.clients);
  }

  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage().equals("usage") ? Options.USAGE : e.getMessage() + "\n" + Options.USAGE);
      System.exit(2);
      return;
    }
    Summary s = new LoadTool(o).run();
    System.out.println("SUMMARY " + s.json());
    // Non-zero when the run is not clean, so a runner notices.
    System.exit(s.clean() ? 0 : 1);
  }

  // ---- events from the clients (on their event loops) ----

  @Override
  public void connected(WsClient c, long handshakeNanos) {
    connectMicros.recordValue(Math.max(1, handshakeNanos / 1000));
    connected.increment();
    lastConnectedNanos.accumulateAndGet(System.nanoTime(), Math::max);
    handshakes.release();
    settled.countDown();
  }

  @Override
  public void connectFailed(WsClient c, Throwable cause) {
    ConnectOutcome outcome = ConnectOutcome.of(cause);
    if (outcome.answered()) {
      refusedByStatus.computeIfAbsent(outcome.status(), s -> new LongAdder()).increment();
      if (outcome.retryAfterSeconds() >= 0) refusedWithRetryAfter.increment();
    } else {
      unanswered.increment();
      unansweredByKind
          .computeIfAbsent(ConnectOutcome.unansweredKind(cause), k -> new LongAdder())
          .increment();
    }
    if (outcome.retryable() && c.attempts <= o.retryRefused && net != null) {
      // As a client that honours Retry-After does: back after the advice (1 s without one), spread
      // over a second so the retries are not a storm of their own.
      retries.increment();
      long delay = Math.max(1, outcome.retryAfterSeconds()) * 1_000_000_000L;
      net.reconnect(c, tokens[c.index], delay + (long) (Math.random() * 1e9));
      return;
    }
    failedConnects.increment();
    if (firstConnectError == null) firstConnectError = String.valueOf(cause);
    handshakes.release();
    settled.countDown();
  }

  @Override
  public void frame(WsClient c, TextWebSocketFrame frame, long receivedNanos) {
    if (c.slow) {
      // It never reads, but when its connection is torn down Netty hands over what the kernel
      // still held: frames seconds old that say nothing about how promptly readers are served.
      slowFrames.increment();
      return;
    }
    long seq = SignalId.decode(frame.content(), o.runId);
    if (seq < 1 || seq > table.lastSeq()) {
      c.tracker.foreign();
      return;
    }
    if (!c.tracker.record(seq)) return; // a duplicate
    distinctFrames.increment();
    long latency = table.latency(seq, receivedNanos);
    if (latency >= 0 && table.measured(seq)) {
      latencyMicros.recordValue(Math.max(1, latency / 1000));
      if (latency > c.maxLatencyNanos) c.maxLatencyNanos = latency;
      measuredFrames.increment();
      lastFrameNanos.accumulateAndGet(receivedNanos, Math::max);
    }
  }

  @Override
  public void disconnected(WsClient c) {
    (c.slow ? slowDisconnected : readersDisconnected).increment();
  }

  private long refusals() {
    return refusedByStatus.values().stream().mapToLong(LongAdder::sum).sum();
  }

  long measuredFrames() {
    return measuredFrames.sum();
  }

  HandOverTable table() {
    return table;
  }

  // ---- the run ----

  Summary run() throws Exception {
    Files.createDirectories(o.out);
    Server server = new Server(o.serverPid);
    Summary s = new Summary();
    s.put("label", o.label).put("clients", o.clients).put("rate", o.rate).put("duration_s", o.duration);
    s.put("warmup_s", o.warmup).put("slow_fraction", o.slowFraction).put("run_id", o.runId);

    WsClient[] clients = new WsClient[o.clients];
    String[] tokens = new String[o.clients];
    int readers = 0;
    for (int i = 0; i < o.clients; i++) {
      clients[i] = new WsClient(i, Options.isSlow(i, o.slowFraction), this);
      tokens[i] = o.token(i);
      if (!clients[i].slow) readers++;
    }
    s.put("readers", readers).put("slow", o.clients - readers);

    long rssBefore = server.kb("VmRSS");
    long anonBefore = server.kb("RssAnon");
    this.tokens = tokens;
    try (Clients net = new Clients(o.url, o.threads, o.soRcvBuf)) {
      this.net = net;
      s.put("transport", net.transport);
      log("connecting %d clients to %s at %.0f/s (run id %d)", o.clients, o.url, o.ramp, o.runId);
      long c0 = System.nanoTime();
      net.connectAll(clients, tokens, o.ramp, handshakes);
      long settleSeconds = (long) (o.clients / o.ramp) + 120 + 30L * o.retryRefused;
      if (!settled.await(settleSeconds, TimeUnit.SECONDS)) log("some connects never settled");
      long connectedNow = connected.sum();
      s.put("connected", connectedNow).put("failed_connects", failedConnects.sum());
      s.put("connect_attempts", connectedNow + unanswered.sum() + refusals());
      s.put("connect_unanswered", unanswered.sum()).put("connect_retries", retries.sum());
      s.put("connect_refused_with_retry_after", refusedWithRetryAfter.sum());
      new TreeMap<>(refusedByStatus).forEach((status, n) -> s.put("connect_refused_" + status, n.sum()));
      new TreeMap<>(unansweredByKind).forEach((kind, n) -> s.put("connect_unanswered_" + kind, n.sum()));
      s.put("connect_s", connectedNow == 0 ? 0.0 : (lastConnectedNanos.get() - c0) / 1e9);
      putPercentiles(s, "connect", connectMicros.getIntervalHistogram(), false);
      if (firstConnectError != null) s.put("first_connect_error", firstConnectError);
      log("%d connected, %d failed (%d unanswered, %d refusals, %d retries) in %.1f s", connectedNow,
          failedConnects.sum(), unanswered.sum(), refusals(), retries.sum(), (System.nanoTime() - c0) / 1e9);

      // Idle: memory per session, and the server's CPU time when nothing is published.
      long idleTicks0 = server.ticks();
      long idleT0 = System.nanoTime();
      Thread.sleep((long) (o.idle * 1000));
      double idleCpuPerSec = server.cpuMicros(idleTicks0) / ((System.nanoTime() - idleT0) / 1e3);
      long rssIdle = server.kb("VmRSS");
      long anonIdle = server.kb("RssAnon");
      s.put("server_rss_before_kb", rssBefore).put("server_rss_idle_kb", rssIdle);
      s.put("server_rss_per_session_kb", perSession(rssBefore, rssIdle, connectedNow));
      s.put("server_anon_before_kb", anonBefore).put("server_anon_idle_kb", anonIdle);
      s.put("server_anon_per_session_kb", perSession(anonBefore, anonIdle, connectedNow));
      s.put("server_idle_cpu_pct", o.serverPid > 0 ? idleCpuPerSec * 100 : -1.0);

      Measured m = publishAndDrain(clients, server, s);

      // Bookkeeping per reader.
      BitSet accepted = m.accepted;
      long missing = 0, dups = 0, ooo = 0, unexpected = 0, foreign = 0, clientsMissing = 0, expected = 0;
      long connectedReaders = 0;
      StringBuilder late = new StringBuilder();
      int lateCount = 0;
      for (WsClient c : clients) {
        if (c.slow || c.channel == null || !wasConnected(c)) continue;
        connectedReaders++;
        long miss = c.tracker.missing(accepted);
        missing += miss;
        if (miss > 0) clientsMissing++;
        dups += c.tracker.duplicates();
        ooo += c.tracker.outOfOrder();
        unexpected += c.tracker.unexpected(accepted);
        foreign += c.tracker.foreignFrames();
        expected += accepted.cardinality();
        if (c.maxLatencyNanos > LATE_NANOS) {
          if (lateCount++ < 100) late.append(' ').append(c.index).append(':').append(localPort(c)).append(':').append(c.maxLatencyNanos / 1_000_000);
        }
      }
      s.put("readers_late", lateCount).put("slow_frames_read", slowFrames.sum());
      if (o.slowFraction > 0) {
        StringBuilder slowOnes = new StringBuilder();
        for (WsClient c : clients) if (c.slow && c.channel != null) slowOnes.append(' ').append(c.index).append(':').append(localPort(c));
        log("slow clients (index:local port):%s", slowOnes);
      }
      if (lateCount > 0) log("readers with a frame over 1 s late (index:local port:max ms):%s", late);
      s.put("frames_expected", expected).put("frames_received", distinctFrames.sum());
      s.put("frames_measured", measuredFrames.sum()).put("frames_per_s", m.framesPerSecond);
      s.put("missing", missing).put("duplicated", dups).put("out_of_order", ooo);
      s.put("clients_missing", clientsMissing).put("unexpected", unexpected).put("foreign_frames", foreign);
      s.put("readers_connected", connectedReaders);
      s.put("readers_disconnected", readersDisconnected.sum()).put("slow_disconnected", slowDisconnected.sum());
      putPercentiles(s, "latency", m.latency, true);
      s.put("server_cpu_s", m.serverCpuMicros / 1e6).put("window_s", m.windowSeconds);
      double frames = Math.max(1, measuredFrames.sum());
      s.put("server_cpu_us_per_frame", m.serverCpuMicros < 0 ? -1.0 : m.serverCpuMicros / frames);
      // The kernel's part (stime): the socket writes themselves, the same work for every server.
      s.put("server_sys_us_per_frame", m.serverSysMicros < 0 ? -1.0 : m.serverSysMicros / frames);
      double idleShare = o.serverPid > 0 ? idleCpuPerSec * m.windowSeconds * 1e6 : 0;
      s.put("server_cpu_us_per_frame_net_idle", m.serverCpuMicros < 0 ? -1.0 : (m.serverCpuMicros - idleShare) / frames);
      s.put("server_cpu_pct", m.serverCpuMicros < 0 ? -1.0 : m.serverCpuMicros / (m.windowSeconds * 1e4));
      s.put("tool_cpu_us_per_frame", m.toolCpuMicros / frames);
      s.put("tool_cpu_pct", m.toolCpuMicros / (m.windowSeconds * 1e4)); // near 100: the tool limits the run
      s.put("server_rss_after_kb", server.kb("VmRSS")).put("server_hwm_kb", server.kb("VmHWM"));
    }
    s.write(o.out);
    return s;
  }

  /** What the publishing window measured. */
  private record Measured(
      BitSet accepted, Histogram latency, double framesPerSecond, double windowSeconds,
      double serverCpuMicros, double serverSysMicros, double toolCpuMicros) {}

  private Measured publishAndDrain(WsClient[] clients, Server server, Summary s) throws Exception {
    Histogram total = new Histogram(3);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    long startMs = System.currentTimeMillis();
    try (PrintStream hlog = new PrintStream(o.out.resolve("latency.hlog").toFile())) {
      HistogramLogWriter writer = new HistogramLogWriter(hlog);
      writer.outputComment("hand-over to receipt latency in microseconds, readers only, warm-up excluded");
      writer.outputLogFormatVersion();
      writer.outputStartTime(startMs);
      writer.setBaseTime(startMs);
      writer.outputLegend();
      latencyMicros.getIntervalHistogram(); // empty; starts the first interval now
      Runnable interval =
          () -> {
            Histogram h = latencyMicros.getIntervalHistogram();
            synchronized (total) {
              total.add(h);
              writer.outputIntervalHistogram(h);
            }
          };
      ticker.scheduleAtFixedRate(interval, 1, 1, TimeUnit.SECONDS);

      Publisher pub = new Publisher(o.publishUrl, o.publisherToken, o.rate, o.runId, table);
      long[] at = new long[4]; // measure start: nanos, server ticks, own ticks, server kernel ticks
      long t0 = System.nanoTime() + 50_000_000L;
      log("publishing %d signals at %.2f/s to %s (%.0f s warm-up)", table.lastSeq(), o.rate, o.publishUrl, o.warmup);
      pub.run(t0, () -> {
        at[0] = System.nanoTime();
        at[1] = server.ticks();
        at[2] = ProcStats.cpuTicks(-1);
        at[3] = server.systemTicks();
      });
      BitSet accepted = pub.accepted();
      long readersUp = connected.sum() - clientsUpSlow(clients);
      long expected = readersUp * accepted.cardinality();
      long deadline = System.nanoTime() + (long) (o.drain * 1e9);
      while (distinctFrames.sum() < expected && System.nanoTime() < deadline) Thread.sleep(20);
      long end = System.nanoTime();
      double serverCpu = server.cpuMicros(at[1]);
      double serverSys = server.systemMicros(at[3]);
      double toolCpu = (ProcStats.cpuTicks(-1) - at[2]) * 1e6 / Server.CLK_TCK;
      ticker.shutdown();
      ticker.awaitTermination(5, TimeUnit.SECONDS);
      interval.run();
      Histogram response = pub.responseMicros();
      s.put("published", table.lastSeq()).put("accepted", accepted.cardinality()).put("publish_failed", pub.failed());
      if (pub.firstFailure() != null) s.put("first_publish_failure", pub.firstFailure());
      s.put("publish_p50_ms", response.getValueAtPercentile(50) / 1e3).put("publish_p99_ms", response.getValueAtPercentile(99) / 1e3);
      double windowSeconds = (end - at[0]) / 1e9;
      double framesWindow = Math.max(o.duration, (lastFrameNanos.get() - at[0]) / 1e9);
      try (PrintStream p = new PrintStream(o.out.resolve("latency-percentiles.txt").toFile())) {
        total.outputPercentileDistribution(p, 1000.0); // in milliseconds
      }
      return new Measured(
          accepted, total, measuredFrames.sum() / framesWindow, windowSeconds, serverCpu, serverSys,
          toolCpu);
    }
  }

  /** A reader that got any measured frame later than this is counted in readers_late. */
  private static final long LATE_NANOS = 1_000_000_000L;

  private static int localPort(WsClient c) {
    return c.channel.localAddress() instanceof java.net.InetSocketAddress a ? a.getPort() : -1;
  }

  private long clientsUpSlow(WsClient[] clients) {
    long n = 0;
    for (WsClient c : clients) if (c.slow && wasConnected(c)) n++;
    return n;
  }

  private static boolean wasConnected(WsClient c) {
    return c.connectedOnce;
  }

  private static double perSession(long before, long after, long sessions) {
    return before < 0 || after < 0 || sessions == 0 ? -1.0 : (after - before) / (double) sessions;
  }

  private static void putPercentiles(Summary s, String name, Histogram h, boolean withTail) {
    s.put(name + "_p50_ms", h.getValueAtPercentile(50) / 1e3);
    s.put(name + "_p90_ms", h.getValueAtPercentile(90) / 1e3);
    s.put(name + "_p99_ms", h.getValueAtPercentile(99) / 1e3);
    if (withTail) {
      s.put(name + "_p999_ms", h.getValueAtPercentile(99.9) / 1e3);
      s.put(name + "_mean_ms", h.getMean() / 1e3);
    }
    s.put(name + "_max_ms", h.getMaxValue() / 1e3);
    s.put(name + "_count", h.getTotalCount());
  }

  static void log(String fmt, Object... args) {
    System.out.printf("[%tT] %s%n", System.currentTimeMillis(), String.format(fmt, args));
  }

  /** The server process under test, when its pid was given. */
  static final class Server {
    static final long CLK_TCK = ProcStats.clockTicksPerSecond();
    private final long pid;

    Server(long pid) {
      this.pid = pid;
    }

    long kb(String key) {
      return pid > 0 ? ProcStats.statusKb(pid, key) : -1;
    }

    long ticks() {
      return pid > 0 ? ProcStats.cpuTicks(pid) : -1;
    }

    long systemTicks() {
      return pid > 0 ? ProcStats.systemTicks(pid) : -1;
    }

    /** Kernel CPU microseconds since a systemTicks() reading, or -1 without a pid. */
    double systemMicros(long ticksBefore) {
      return pid > 0 ? (systemTicks() - ticksBefore) * 1e6 / CLK_TCK : -1;
    }

    /** CPU microseconds since a ticks() reading, or -1 without a pid. */
    double cpuMicros(long ticksBefore) {
      return pid > 0 ? (ticks() - ticksBefore) * 1e6 / CLK_TCK : -1;
    }
  }
}
