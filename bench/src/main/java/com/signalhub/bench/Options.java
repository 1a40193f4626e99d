package com.signalhub.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of the load tool: {@code --name value} or {@code --name=value}. */
public final class Options {
  static final String USAGE =
      String.join(
          "\n",
          "java -jar signalhub-bench.jar [options]",
          "  --url ws://127.0.0.1:8080/          WebSocket URL",
          "  --publish-url URL                   default http://HOST:PORT/api/signals of --url",
          "  --token T | --tokens T1,T2,... | --tokens-file F | --token-pattern 'sub-%d' --token-count K",
          "                                      subscriber tokens, used round-robin by client index",
          "  --publisher-token T                 default dev-publisher-secret-0001",
          "  --clients N (1000)  --rate R signals/s (5)  --duration s (30)  --warmup s (5)",
          "  --ramp connects/s (500)  --max-handshakes (100) concurrent handshakes",
          "  --slow-fraction f (0)               that fraction of clients never reads",
          "  --retry-refused n (0)               a client refused 503/429 tries again up to n times,",
          "                                      after its Retry-After (1 s without one) + up to 1 s",
          "  --server-pid PID                    read the server's RSS and CPU time from /proc",
          "  --idle s (3)                        idle seconds with N sessions before publishing",
          "  --drain s (15)                      longest wait for frames after the last publish",
          "  --threads n (1)  --so-rcvbuf bytes (0 = OS default)  --run-id n (random)",
          "  --label name                        written into the summary (e.g. the server)",
          "  --out dir (bench-out)");

  final URI url;
  final URI publishUrl;
  final List<String> tokens;
  final String publisherToken;
  final int clients;
  final double rate;
  final double duration;
  final double warmup;
  final double ramp;
  final int maxHandshakes;
  final double slowFraction;
  final int retryRefused;
  final long serverPid;
  final double idle;
  final double drain;
  final int threads;
  final int soRcvBuf;
  final int runId;
  final String label;
  final Path out;

  private Options(Map<String, String> m) throws IOException {
    url = URI.create(m.getOrDefault("url", "ws://127.0.0.1:8080/"));
    publishUrl =
        URI.create(
            m.getOrDefault(
                "publish-url", "http://" + url.getHost() + ":" + port(url) + "/api/signals"));
    tokens = tokens(m);
    publisherToken = m.getOrDefault("publisher-token", "dev-publisher-secret-0001");
    clients = Integer.parseInt(m.getOrDefault("clients", "1000"));
    rate = Double.parseDouble(m.getOrDefault("rate", "5"));
    duration = Double.parseDouble(m.getOrDefault("duration", "30"));
    warmup = Double.parseDouble(m.getOrDefault("warmup", "5"));
    ramp = Double.parseDouble(m.getOrDefault("ramp", "500"));
    maxHandshakes = Integer.parseInt(m.getOrDefault("max-handshakes", "100"));
    slowFraction = Double.parseDouble(m.getOrDefault("slow-fraction", "0"));
    retryRefused = Integer.parseInt(m.getOrDefault("retry-refused", "0"));
    serverPid = Long.parseLong(m.getOrDefault("server-pid", "0"));
    idle = Double.parseDouble(m.getOrDefault("idle", "3"));
    drain = Double.parseDouble(m.getOrDefault("drain", "15"));
    threads = Integer.parseInt(m.getOrDefault("threads", "1"));
    soRcvBuf = Integer.parseInt(m.getOrDefault("so-rcvbuf", "0"));
    runId =
        Integer.parseInt(
            m.getOrDefault(
                "run-id", Integer.toString(1 + (int) (Math.random() * SignalId.MAX_RUN_ID))));
    label = m.getOrDefault("label", "");
    out = Path.of(m.getOrDefault("out", "bench-out"));
    if (clients < 1 || rate <= 0 || duration <= 0 || warmup < 0 || ramp <= 0) {
      throw new IllegalArgumentException("clients, rate, duration, ramp must be > 0, warmup >= 0");
    }
    if (slowFraction < 0 || slowFraction >= 1) throw new IllegalArgumentException("--slow-fraction in [0,1)");
  }

  public static Options parse(String... args) throws IOException {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) throw new IllegalArgumentException("usage");
      if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument " + a);
      int eq = a.indexOf('=');
      if (eq > 0) {
        m.put(a.substring(2, eq), a.substring(eq + 1));
      } else if (i + 1 < args.length) {
        m.put(a.substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("no value for " + a);
      }
    }
    return new Options(m);
  }

  /** Client i (0-based) is slow when the running count of slow clients steps up at i. */
  public static boolean isSlow(int i, double fraction) {
    return Math.floor((i + 1) * fraction) > Math.floor(i * fraction);
  }

  String token(int client) {
    return tokens.get(client % tokens.size());
  }

  private static List<String> tokens(Map<String, String> m) throws IOException {
    List<String> t = new ArrayList<>();
    if (m.containsKey("tokens")) {
      for (String s : m.get("tokens").split(",")) if (!s.isBlank()) t.add(s.trim());
    } else if (m.containsKey("tokens-file")) {
      for (String s : Files.readAllLines(Path.of(m.get("tokens-file")))) if (!s.isBlank()) t.add(s.trim());
    } else if (m.containsKey("token-pattern")) {
      int k = Integer.parseInt(m.getOrDefault("token-count", "1"));
      for (int i = 0; i < k; i++) t.add(String.format(m.get("token-pattern"), i));
    } else {
      t.add(m.getOrDefault("token", "dev-subscriber-secret-0001"));
    }
    if (t.isEmpty()) throw new IllegalArgumentException("no subscriber token");
    return t;
  }

  static int port(URI u) {
    if (u.getPort() > 0) return u.getPort();
    return "wss".equals(u.getScheme()) || "https".equals(u.getScheme()) ? 443 : 80;
  }
}
