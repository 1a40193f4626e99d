package com.signalhub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The same WAR on a full Payara Server 6 (the distribution from Maven Central, unpacked here), its
 * resources made by server-config/payara-server/deploy.sh with asadmin, and a real client: a signal
 * published over HTTP and one sent over JMS both reach a WebSocket subscriber.
 */
class PayaraServerIT {

  private static final String DOMAIN = "signalhub-it";
  private static final String SUBSCRIBER = "ps-subscriber-secret-01";
  private static final String PUBLISHER = "ps-publisher-secret-01";

  @Test
  void theWarRunsOnPayaraServerWithResourcesMadeByTheScript() throws Exception {
    String zip = System.getProperty("payara.server.zip");
    assumeTrue(zip != null && Files.exists(Path.of(zip)), "no Payara Server distribution given");
    Path home = Files.createDirectories(Path.of("target", "payara-server-it"));
    Path payara = unpack(Path.of(zip), home);
    int base = freePortBase();
    int admin = base + 48;
    int http = base + 80;
    run(
        home,
        List.of(
            asadmin(payara),
            "create-domain",
            "--nopassword",
            "--checkports=false",
            "--portbase",
            String.valueOf(base),
            DOMAIN),
        Map.of());
    loopbackOnly(payara.resolve("glassfish/domains/" + DOMAIN + "/config/domain.xml"));
    run(home, List.of(asadmin(payara), "start-domain", DOMAIN), Map.of());
    try {
      int jms = PayaraProcess.freePort();
      run(
          home,
          List.of(
              "bash",
              Path.of("server-config/payara-server/deploy.sh").toAbsolutePath().toString(),
              payara.toAbsolutePath().toString(),
              Path.of("target/signal-hub.war").toAbsolutePath().toString(),
              Path.of("target/signalhub-artemis-ra.rar").toAbsolutePath().toString()),
          Map.of(
              "ASADMIN_PORT",
              String.valueOf(admin),
              "SIGNALHUB_DOMAIN",
              DOMAIN,
              "SIGNALHUB_JMS_PORT",
              String.valueOf(jms),
              "SIGNALHUB_TOKENS",
              "ps-sub:subscriber:" + SUBSCRIBER + ",ps-pub:publisher:" + PUBLISHER));
      URI server = URI.create("http://127.0.0.1:" + http + "/");
      assertEquals(200, get(server.resolve("/health/ready")).statusCode());
      try (WsClient client = WsClient.connect(server, SUBSCRIBER);
          Jms producer = new Jms(jms)) {
        Api.publish(server, PUBLISHER, Api.signal("buy", "FULLHTTP", "1.5", Api.now()));
        assertTrue(client.next().contains("\"symbol\":\"FULLHTTP\""));
        producer.send(Api.signal("sell", "FULLJMS", "2.5", Api.now()), "full", Map.of());
        assertTrue(client.next().contains("\"symbol\":\"FULLJMS\""));
      }
    } finally {
      run(home, List.of(asadmin(payara), "stop-domain", DOMAIN), Map.of());
    }
  }

  private static String asadmin(Path payara) {
    return payara.resolve("bin/asadmin").toAbsolutePath().toString();
  }

  /** Every listener on 127.0.0.1, no cluster data grid, no OpenMQ broker of its own. */
  private static void loopbackOnly(Path domainXml) throws IOException {
    String xml = Files.readString(domainXml);
    xml = xml.replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"");
    xml =
        xml.replaceAll(
            "<network-listener (?![^>]*address=)", "<network-listener address=\"127.0.0.1\" ");
    xml =
        xml.replace(
            "<hazelcast-config-specific-configuration>",
            "<hazelcast-config-specific-configuration enabled=\"false\">");
    xml =
        xml.replace(
            "<hazelcast-config-specific-configuration></hazelcast-config-specific-configuration>",
            "<hazelcast-config-specific-configuration enabled=\"false\"></hazelcast-config-specific-configuration>");
    xml = xml.replaceAll("(<jms-service[^>]*type=\")EMBEDDED\"", "$1DISABLED\"");
    Files.writeString(domainXml, xml);
  }

  private static Path unpack(Path zip, Path into) throws IOException {
    Path payara = into.resolve("payara6");
    if (Files.exists(payara.resolve("bin/asadmin"))) {
      deleteDomain(payara);
      return payara;
    }
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("zip entry outside the target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
    }
    try (var scripts = Files.list(payara.resolve("bin"))) {
      for (Path script : scripts.toList()) {
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    Files.setPosixFilePermissions(
        payara.resolve("glassfish/bin/asadmin"), PosixFilePermissions.fromString("rwxr-xr-x"));
    return payara;
  }

  private static void deleteDomain(Path payara) throws IOException {
    Path domain = payara.resolve("glassfish/domains/" + DOMAIN);
    if (Files.exists(domain)) {
      try (var walk = Files.walk(domain)) {
        for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  /** A base whose +37..+86 ports (the domain's listeners) are all free. */
  private static int freePortBase() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20_000 + ThreadLocalRandom.current().nextInt(200) * 100;
      if (List.of(37, 38, 39, 48, 66, 76, 80, 81, 86).stream().allMatch(p -> free(base + p))) {
        return base;
      }
    }
    throw new IOException("no free port base");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.isBound();
    } catch (IOException e) {
      return false;
    }
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void run(Path dir, List<String> command, Map<String, String> env)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
    builder.environment().putAll(env);
    builder.environment().put("AS_JAVA", System.getProperty("java.home"));
    Process process = builder.start();
    String output;
    try (InputStream out = process.getInputStream()) {
      output = new String(out.readAllBytes());
    }
    if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError(command + " failed:\n" + output);
    }
    Files.writeString(
        dir.resolve("commands.log"),
        command + "\n" + output + "\n",
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }
}
