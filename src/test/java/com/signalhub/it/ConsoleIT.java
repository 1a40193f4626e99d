package com.signalhub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The admin console in Debian's headless Chromium, driven by playwright-core ({@code
 * src/test/browser/console.test.mjs}): sign in, a published signal in the live feed, resume after a
 * dropped stream, revoke a token and see its session go, create a token. Screenshots go to {@code
 * target/console-screenshots} ({@code -Dconsole.screenshots=src/docs/console} refreshes the
 * README's). Needs {@code npm ci} in src/test/browser and {@code /usr/bin/chromium}; skipped
 * without them unless {@code SIGNALHUB_BROWSER_TESTS=required} (as in CI).
 */
class ConsoleIT extends DeployedWar {

  private static final Path SCRIPT_DIR = Path.of("src/test/browser");
  private static final String CHROMIUM =
      System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

  @Test
  void anAdminSeesTheLiveFeedAndRevokesATokenInTheBrowser() throws Exception {
    browserAvailable();
    publishAFewMarketSignals(); // so the screenshots show a feed that looks like one
    String victim = "console-victim-" + System.nanoTime();
    String secret = Admin.createToken(base, victim, "subscriber", null);
    try (WsClient session = WsClient.connect(base, secret)) {
      Path log = Path.of("target", "console-test.log");
      Process run = start(victim, log);
      boolean ended = run.waitFor(180, TimeUnit.SECONDS);
      if (!ended) {
        run.descendants().forEach(ProcessHandle::destroyForcibly); // Chromium, under node
        run.destroyForcibly();
      }
      String output = Files.readString(log);
      assertEquals(0, ended ? run.exitValue() : -1, "browser test output:\n" + output);
      WsClient.Close close = session.awaitClose();
      assertEquals(1008, close.code(), "the revoked token's own client is closed");
    }
  }

  private void publishAFewMarketSignals() throws Exception {
    String[][] prices = {
      {"BTCUSDT", "75012.50", "75040.00", "74990.25"},
      {"ETHUSDT", "3501.20", "3498.75", "3505.10"},
      {"SOLUSDT", "182.41", "183.02", "181.96"}
    };
    for (int round = 1; round <= 3; round++) {
      for (String[] symbol : prices) {
        String type = round == 2 ? "sell" : "buy";
        Api.publish(
            base, Deployments.PUBLISHER, Api.signal(type, symbol[0], symbol[round], Api.now()));
      }
    }
  }

  private Process start(String victim, Path log) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder("node", "console.test.mjs")
            .directory(SCRIPT_DIR.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("BASE_URL", base.toString());
    builder.environment().put("ADMIN_TOKEN", Admin.ADMIN);
    builder.environment().put("VICTIM_TOKEN", victim);
    builder.environment().put("CHROMIUM", CHROMIUM);
    builder
        .environment()
        .put(
            "SCREENSHOTS",
            Path.of(System.getProperty("console.screenshots", "target/console-screenshots"))
                .toAbsolutePath()
                .toString());
    return builder.start();
  }

  private static void browserAvailable() {
    boolean available =
        Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core"))
            && Files.isExecutable(Path.of(CHROMIUM));
    String missing =
        "the browser test needs `npm ci --prefix src/test/browser` and Debian's chromium at "
            + CHROMIUM;
    if ("required".equals(System.getenv("SIGNALHUB_BROWSER_TESTS"))) {
      if (!available) {
        throw new AssertionError(missing);
      }
    }
    Assumptions.assumeTrue(available, missing);
  }
}
