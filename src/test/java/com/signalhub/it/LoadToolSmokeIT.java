package com.signalhub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The fan-out load tool (bench/) against the deployed WAR, briefly: 100 clients, 5 signals/s for 5
 * s. Keeps the tool from rotting; its figures are not asserted (bench/RESULTS.md has the real
 * runs).
 */
class LoadToolSmokeIT extends DeployedWar {

  private static final int CLIENTS = 100;
  private static final int PER_TOKEN = 6; // signalhub.stream.max-sessions-per-token in the ITs

  @Test
  void everyClientReceivesEverySignalOnceUnderTheLoadTool() throws Exception {
    Path out = Path.of("target", "bench-smoke");
    Files.createDirectories(out);
    List<String> secrets = new ArrayList<>();
    for (int i = 0; i < (CLIENTS + PER_TOKEN - 1) / PER_TOKEN; i++) {
      secrets.add(Admin.createToken(base, "smoke-" + System.nanoTime(), "subscriber", null));
    }
    Path tokens = Files.writeString(out.resolve("tokens.txt"), String.join("\n", secrets) + "\n");
    Process tool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("bench.jar", "bench/target/signalhub-bench.jar"),
                "--url",
                "ws://" + base.getHost() + ":" + base.getPort() + "/",
                "--tokens-file",
                tokens.toString(),
                "--publisher-token",
                Deployments.PUBLISHER,
                "--clients",
                Integer.toString(CLIENTS),
                "--rate",
                "5",
                "--duration",
                "5",
                "--warmup",
                "1",
                "--idle",
                "1",
                "--label",
                "signalhub-smoke",
                "--out",
                out.toString())
            .redirectErrorStream(true)
            .redirectOutput(out.resolve("tool.log").toFile())
            .start();
    boolean ended = tool.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      tool.destroyForcibly();
    }
    String log = Files.readString(out.resolve("tool.log"));
    assertEquals(0, ended ? tool.exitValue() : -1, log);
    Properties summary = new Properties();
    try (FileReader reader = new FileReader(out.resolve("summary.properties").toFile())) {
      summary.load(reader);
    }
    assertEquals(Integer.toString(CLIENTS), summary.getProperty("connected"), log);
    assertEquals("0", summary.getProperty("missing"), log);
    assertEquals("0", summary.getProperty("duplicated"), log);
    long expected = Long.parseLong(summary.getProperty("frames_expected"));
    assertTrue(expected >= CLIENTS * 5L * 5, "frames expected: " + expected);
    assertEquals(Long.toString(expected), summary.getProperty("frames_received"), log);
  }
}
