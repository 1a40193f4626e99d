package com.signalhub.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Payara Micro this test starts itself (to stop and restart it), as an operator does: the bundle
 * {@code target/signal-hub-micro.jar} with plain {@code java -jar}, on a free loopback port, its
 * signal log in {@code dataDir}, Payara's runtime directory in a fresh folder under {@code target/}
 * that goes when the process has gone. Closing it kills the process, like a crash.
 */
final class PayaraProcess implements AutoCloseable {

  /** A log line an operator would take for a problem: a warning, an error, a stack trace. */
  private static final Pattern LOOKS_LIKE_TROUBLE =
      Pattern.compile("\\[(WARNING|SEVERE|ERROR)]|^(WARNING|SEVERE|ERROR):|Exception\\b|^\\s+at ");

  private final Launched launched;
  final URI base;

  private final int jmsPort;
  private final Map<String, String> broker;

  private PayaraProcess(Launched launched, URI base, int jmsPort, Map<String, String> broker) {
    this.launched = launched;
    this.base = base;
    this.jmsPort = jmsPort;
    this.broker = broker;
  }

  /** A producer to its broker: the one embedded in it, or the external one it was pointed at. */
  Jms jms() {
    return broker.isEmpty()
        ? new Jms(jmsPort)
        : new Jms(
            jmsPort,
            broker.get("SIGNALHUB_JMS_USER"),
            broker.get("SIGNALHUB_JMS_PASSWORD"),
            broker.get("SIGNALHUB_JMS_QUEUE"),
            broker.get("SIGNALHUB_JMS_DLQ"));
  }

  /**
   * Starts one with its signal log in an H2 database and an embedded broker's journal under {@code
   * dataDir}, like the local run.
   */
  static PayaraProcess withH2(Path dataDir, Path log) throws Exception {
    return withH2(
        dataDir,
        log,
        Path.of("server-config/pre-boot-commands.asadmin"),
        Map.of(),
        List.of(),
        Path.of("src/test/resources/it-system.properties"));
  }

  /**
   * As {@link #withH2(Path, Path)}, with another pre-boot file, environment, more Payara Micro
   * options and other system properties.
   */
  static PayaraProcess withH2(
      Path dataDir,
      Path log,
      Path preBoot,
      Map<String, String> env,
      List<String> micro,
      Path systemProperties)
      throws Exception {
    int jmsPort = freePort();
    Path postBoot = h2PostBoot(dataDir, jmsPort);
    return start(log, preBoot, postBoot, micro, systemProperties, env, Map.of(), jmsPort);
  }

  /**
   * Starts one as {@link #withH2(Path, Path)} does, with {@code env}, that is expected not to
   * start: waits for the process to end by itself and returns its exit status.
   */
  static int exitStatusWith(Path dataDir, Path log, Map<String, String> env) throws Exception {
    int jmsPort = freePort();
    Launched launched =
        launch(
            log,
            Path.of("server-config/pre-boot-commands.asadmin"),
            h2PostBoot(dataDir, jmsPort),
            List.of(),
            Path.of("src/test/resources/it-system.properties"),
            env);
    if (!launched.process().waitFor(180, TimeUnit.SECONDS)) {
      launched.end(true);
      throw new IllegalStateException("Payara Micro was still running after 180 s; see " + log);
    }
    launched.pump().join(10_000); // its last lines into the log
    launched.end(false);
    return launched.process().exitValue();
  }

  private static Path h2PostBoot(Path dataDir, int jmsPort) throws IOException {
    String data = dataDir.toAbsolutePath().toString().replace(":", "\\:");
    String jms =
        Files.readString(Path.of("target/test-classes/it-post-boot.asadmin"))
            .lines()
            .filter(line -> line.contains("artemis") || line.contains("jms"))
            .map(line -> line.replace("target/it-data/artemis", data + "/artemis"))
            .map(line -> line.replaceAll("(?i)(port\\\\?=)\\d+", "$1" + jmsPort))
            .reduce("", (all, line) -> all + line + "\n");
    Path postBoot = dataDir.resolve("post-boot.asadmin");
    Files.writeString(
        postBoot,
        "create-jdbc-connection-pool --datasourceclassname=org.h2.jdbcx.JdbcDataSource"
            + " --restype=javax.sql.DataSource --property=URL=jdbc\\:h2\\:file\\:"
            + data
            + "/signalhub;WRITE_DELAY\\=0 signalhub-pool\n"
            + "create-jdbc-resource --connectionpoolid=signalhub-pool jdbc/signalhub\n"
            + jms);
    return postBoot;
  }

  /**
   * Starts one with the operator's production configuration, {@code
   * server-config/production/post-boot-commands.asadmin}: PostgreSQL from the SIGNALHUB_DB_*
   * variables of this JVM's environment, the driver added with {@code --addlibs}, and the external
   * Artemis broker {@code broker} describes (SIGNALHUB_JMS_* set for the server).
   */
  static PayaraProcess withPostgres(Path log, Map<String, String> broker) throws Exception {
    String driver =
        Path.of(
                org.postgresql.Driver.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI())
            .toString();
    return start(
        log,
        Path.of("server-config/pre-boot-commands.asadmin"),
        Path.of("server-config/production/post-boot-commands.asadmin"),
        List.of("--addlibs", driver),
        Path.of("src/test/resources/it-system.properties"),
        broker,
        broker,
        Integer.parseInt(broker.get("SIGNALHUB_JMS_PORT")));
  }

  private static PayaraProcess start(
      Path log,
      Path preBoot,
      Path postBoot,
      List<String> extra,
      Path systemProperties,
      Map<String, String> env,
      Map<String, String> broker,
      int jmsPort)
      throws Exception {
    Launched launched = launch(log, preBoot, postBoot, extra, systemProperties, env);
    if (!launched.ready().await(180, TimeUnit.SECONDS)) {
      launched.end(true);
      throw new IllegalStateException("Payara Micro was not ready within 180 s; see " + log);
    }
    return new PayaraProcess(
        launched, URI.create("http://127.0.0.1:" + launched.port() + "/"), jmsPort, broker);
  }

  private record Launched(
      Process process, CountDownLatch ready, int port, Thread pump, Path runtimeDir) {

    /** Stops the process (SIGKILL if {@code kill}, else SIGTERM), then removes its runtime. */
    void end(boolean kill) throws InterruptedException {
      if (kill) {
        process.destroyForcibly();
      } else {
        process.destroy();
      }
      if (process.waitFor(60, TimeUnit.SECONDS)) {
        try (Stream<Path> files = Files.walk(runtimeDir)) {
          files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
          // left in target/, which mvn clean empties
        }
      }
    }
  }

  private static Launched launch(
      Path log,
      Path preBoot,
      Path postBoot,
      List<String> extra,
      Path systemProperties,
      Map<String, String> env)
      throws Exception {
    int port = freePort();
    Path runtimeDir = Files.createTempDirectory(Path.of("target"), "payara-micro-");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(
        List.of(
            "-XX:TieredStopAtLevel=1", // as the README's run command: C1 only
            "-jar",
            "target/signal-hub-micro.jar",
            "--rootdir",
            runtimeDir.toString(),
            "--port",
            String.valueOf(port),
            "--prebootcommandfile",
            preBoot.toString(),
            "--postbootcommandfile",
            postBoot.toString(),
            "--systemproperties",
            systemProperties.toString()));
    command.addAll(extra);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    CountDownLatch ready = new CountDownLatch(1);
    Thread pump =
        new Thread(() -> copyOutput(process, log, ready), "payara-output-" + process.pid());
    pump.setDaemon(true);
    pump.start();
    return new Launched(process, ready, port, pump, runtimeDir);
  }

  private static void copyOutput(Process process, Path log, CountDownLatch ready) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.println(line);
        out.flush();
        if (line.contains(") ready in ")) {
          ready.countDown();
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Asks the server to stop (SIGTERM), as an operator or orchestrator does, and waits. */
  void stop() throws InterruptedException {
    launched.end(false);
  }

  /** Kills the server without a chance to shut down (SIGKILL). */
  @Override
  public void close() {
    try {
      launched.end(true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The lines of a server's log that look like trouble. */
  static List<String> alarming(Path log) throws IOException {
    return Files.readAllLines(log).stream().filter(LOOKS_LIKE_TROUBLE.asPredicate()).toList();
  }

  /** Once stopped: the server's output has all been written to its log. */
  void awaitLog() throws InterruptedException {
    launched.pump().join(10_000);
  }
}
