package com.signalhub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's examples run as a user runs them (examples/python, examples/js): each connects with
 * the Bearer header, prints a published signal, and prints the answer to the test command it sends
 * after 2 s, over ws:// and over wss:// (a second server, with TLS). Needs Debian's
 * python3-websocket and {@code npm ci} in examples/js; skipped without them unless {@code
 * SIGNALHUB_EXAMPLE_TESTS=required} (as in CI).
 */
class ExamplesIT extends DeployedWar {

  private static final long WAIT_MS = 20_000;

  /** For the wss:// cases: a server with TLS, started by the first of them. */
  private static LocalTls.Server tls;

  private static Path tlsCertificate;

  @AfterAll
  static void stopTls() {
    if (tls != null) {
      tls.process().close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ws", "wss"})
  void thePythonExamplePrintsSignalsAndItsTestSignal(String scheme) throws Exception {
    available(
        new ProcessBuilder("/usr/bin/python3", "-c", "import websocket").start().waitFor() == 0,
        "python3-websocket");
    runs(List.of("/usr/bin/python3", "examples/python/signals.py"), "PYEXAMPLE", scheme);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ws", "wss"})
  void theJavaScriptExamplePrintsSignalsAndItsTestSignal(String scheme) throws Exception {
    available(Files.isDirectory(Path.of("examples/js/node_modules/ws")), "npm ci in examples/js");
    runs(List.of("node", "examples/js/signals.mjs"), "JSEXAMPLE", scheme);
  }

  /**
   * Over wss://, the examples trust the server's certificate exported as the README says ({@code
   * keytool -exportcert -rfc}) and given as SIGNALHUB_CA.
   */
  private static synchronized void startTls() throws Exception {
    if (tls != null) {
      return;
    }
    Path dir = Files.createDirectories(Path.of("target", "examples-it", "" + System.nanoTime()));
    tls = LocalTls.start(dir, "");
    tlsCertificate = dir.resolve("local.pem");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-exportcert",
                "-rfc",
                "-alias",
                LocalTls.ALIAS,
                "-keystore",
                tls.keystore().toString(),
                "-storepass",
                LocalTls.PASSWORD,
                "-file",
                tlsCertificate.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, keytool.waitFor(), output);
  }

  private static void available(boolean available, String what) {
    boolean required = "required".equals(System.getenv("SIGNALHUB_EXAMPLE_TESTS"));
    if (required) {
      assertTrue(available, what + " is required here");
    }
    Assumptions.assumeTrue(available, what + " is not installed");
  }

  private void runs(List<String> command, String name, String scheme) throws Exception {
    String symbol = name + scheme.toUpperCase(java.util.Locale.ROOT);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    URI server = base;
    if (scheme.equals("wss")) {
      startTls();
      server = tls.process().base;
      builder.environment().put("SIGNALHUB_URL", "wss://localhost:" + tls.secure().getPort() + "/");
      builder.environment().put("SIGNALHUB_CA", tlsCertificate.toString());
    } else {
      builder.environment().put("SIGNALHUB_URL", "ws://127.0.0.1:" + base.getPort() + "/");
    }
    builder.environment().put("SIGNALHUB_TOKEN", Deployments.SUBSCRIBER);
    Process example = builder.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(example.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                }
              } catch (java.io.IOException ended) {
                // the example was stopped
              }
            });
    reader.setDaemon(true);
    reader.start();
    List<String> seen = new ArrayList<>();
    try {
      awaitLine(lines, seen, "connected");
      assertEquals(
          202,
          Api.publish(server, Deployments.PUBLISHER, Api.signal("buy", symbol, "1.25", Api.now()))
              .statusCode());
      awaitLine(lines, seen, "buy " + symbol + " at 1.25, seq ");
      awaitLine(lines, seen, "requested test data");
      awaitLine(lines, seen, "(test: do not trade)");
    } finally {
      example.destroy();
      example.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void awaitLine(BlockingQueue<String> lines, List<String> seen, String part)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MS;
    if (seen.stream().anyMatch(l -> l.contains(part))) {
      return;
    }
    while (System.currentTimeMillis() < deadline) {
      String line = lines.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
      if (line == null) {
        break;
      }
      seen.add(line);
      if (line.contains(part)) {
        return;
      }
    }
    throw new AssertionError("no line with '" + part + "' within " + WAIT_MS + " ms: " + seen);
  }
}
