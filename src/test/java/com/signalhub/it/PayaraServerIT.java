package com.signalhub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.Set;
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
  private static final String GROUP_DOMAIN = "signalhub-dg-it";
  private static final Path LOCAL_CLUSTER = Path.of("server-config/cluster/local.sh");

  @Test
  void theWarRunsOnPayaraServerWithResourcesMadeByTheScript() throws Exception {
    Path payara = distribution(DOMAIN);
    int base = freePortBase(Set.of());
    Path home = payara.getParent();
    createAndStartDomain(payara, DOMAIN, base);
    try {
      int jms = PayaraProcess.freePort();
      deploy(payara, DOMAIN, base, Map.of("SIGNALHUB_JMS_PORT", String.valueOf(jms)));
      URI server = URI.create("http://127.0.0.1:" + (base + 80) + "/");
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

  /**
   * {@code SIGNALHUB_TARGET=<deployment group>}: two instances of the group (made as the README
   * says), one database and one broker ({@code local.sh start 0} starts just those), one stream: a
   * signal published to either instance, or sent over JMS, reaches the clients of both, and each
   * answers with its Payara instance's name.
   */
  @Test
  void aDeploymentGroupOfTwoInstancesDeliversEverySignalToClientsOfBoth() throws Exception {
    Path payara = distribution(GROUP_DOMAIN);
    Path home = payara.getParent();
    int das = freePortBase(Set.of());
    int one = freePortBase(Set.of(das));
    int two = freePortBase(Set.of(das, one));
    int db = PayaraProcess.freePort();
    int broker = PayaraProcess.freePort();
    Path data = Files.createDirectories(home.resolve("group-data-" + System.nanoTime()));
    Map<String, String> cluster =
        Map.of(
            "CLUSTER_DB_PORT", "" + db,
            "CLUSTER_BROKER_PORT", "" + broker,
            "CLUSTER_DATA", data.toAbsolutePath().toString());
    run(home, List.of("bash", LOCAL_CLUSTER.toAbsolutePath().toString(), "start", "0"), cluster);
    try {
      createAndStartDomain(payara, GROUP_DOMAIN, das);
      try {
        group(payara, das, one, two, db, broker);
      } finally {
        try {
          asadminAt(payara, das, "stop-deployment-group", "signalhub-dg");
        } finally {
          run(home, List.of(asadmin(payara), "stop-domain", GROUP_DOMAIN), Map.of());
        }
      }
    } finally {
      run(home, List.of("bash", LOCAL_CLUSTER.toAbsolutePath().toString(), "stop"), cluster);
    }
  }

  private static void group(Path payara, int das, int one, int two, int db, int broker)
      throws Exception {
    String node = "localhost-" + GROUP_DOMAIN;
    asadminAt(payara, das, "create-deployment-group", "signalhub-dg");
    for (var instance : Map.of("hub-a", one, "hub-b", two).entrySet()) {
      asadminAt(
          payara,
          das,
          "create-instance",
          "--node",
          node,
          "--portbase",
          "" + instance.getValue(),
          "--checkports=false",
          instance.getKey());
      asadminAt(
          payara,
          das,
          "add-instance-to-deployment-group",
          "--instance",
          instance.getKey(),
          "--deploymentgroup",
          "signalhub-dg");
    }
    deploy(
        payara,
        GROUP_DOMAIN,
        das,
        Map.of(
            "SIGNALHUB_TARGET",
            "signalhub-dg",
            "SIGNALHUB_JDBC_URL",
            "jdbc:h2:tcp://127.0.0.1:" + db + "/signalhub",
            "SIGNALHUB_JMS_EXTERNAL",
            "127.0.0.1",
            "SIGNALHUB_JMS_PORT",
            "" + broker));
    asadminAt(payara, das, "start-deployment-group", "--timeout", "300", "signalhub-dg");
    URI a = URI.create("http://127.0.0.1:" + (one + 80) + "/");
    URI b = URI.create("http://127.0.0.1:" + (two + 80) + "/");
    awaitReady(a);
    awaitReady(b);
    try (WsClient onA = WsClient.connect(a, SUBSCRIBER);
        WsClient onB = WsClient.connect(b, SUBSCRIBER);
        Jms producer = new Jms(broker)) {
      HttpResponse<String> toA =
          Api.publish(a, PUBLISHER, Api.signal("buy", "GROUPA", "1.5", Api.now()));
      assertEquals(202, toA.statusCode(), toA.body());
      assertEquals("hub-a", toA.headers().firstValue("X-SignalHub-Instance").orElse(null));
      HttpResponse<String> toB =
          Api.publish(b, PUBLISHER, Api.signal("sell", "GROUPB", "2.5", Api.now()));
      assertEquals("hub-b", toB.headers().firstValue("X-SignalHub-Instance").orElse(null));
      producer.send(Api.signal("buy", "GROUPJMS", "3.5", Api.now()), "group", Map.of());
      List<String> symbols = List.of("GROUPA", "GROUPB", "GROUPJMS");
      for (WsClient client : List.of(onA, onB)) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
          String frame = client.messages.poll(30, TimeUnit.SECONDS);
          assertNotNull(frame, "a client saw only " + seen);
          seen.add(frame.replaceAll(".*\"symbol\":\"([A-Z]+)\".*", "$1"));
        }
        assertEquals(symbols, seen, "every signal, in seq order, on both instances");
      }
    }
  }

  /** The distribution unpacked under target/ (once), without a domain of this name. */
  private static Path distribution(String domain) throws IOException {
    String zip = System.getProperty("payara.server.zip");
    assumeTrue(zip != null && Files.exists(Path.of(zip)), "no Payara Server distribution given");
    Path home = Files.createDirectories(Path.of("target", "payara-server-it"));
    return unpack(Path.of(zip), home, domain);
  }

  private static void createAndStartDomain(Path payara, String domain, int base) throws Exception {
    Path home = payara.getParent();
    run(
        home,
        List.of(
            asadmin(payara),
            "create-domain",
            "--nopassword",
            "--checkports=false",
            "--portbase",
            String.valueOf(base),
            domain),
        Map.of());
    loopbackOnly(payara.resolve("glassfish/domains/" + domain + "/config/domain.xml"));
    run(home, List.of(asadmin(payara), "start-domain", domain), Map.of());
  }

  private static void deploy(Path payara, String domain, int base, Map<String, String> env)
      throws Exception {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("ASADMIN_PORT", String.valueOf(base + 48));
    all.put("SIGNALHUB_DOMAIN", domain);
    all.put(
        "SIGNALHUB_TOKENS", "ps-sub:subscriber:" + SUBSCRIBER + ",ps-pub:publisher:" + PUBLISHER);
    run(
        payara.getParent(),
        List.of(
            "bash",
            Path.of("server-config/payara-server/deploy.sh").toAbsolutePath().toString(),
            payara.toAbsolutePath().toString(),
            Path.of("target/signal-hub.war").toAbsolutePath().toString(),
            Path.of("target/signalhub-artemis-ra.rar").toAbsolutePath().toString()),
        all);
  }

  private static void asadminAt(Path payara, int base, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(asadmin(payara), "--port", "" + (base + 48)));
    command.addAll(List.of(args));
    run(payara.getParent(), command, Map.of());
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
        xml.replaceAll(
            "<hazelcast-config-specific-configuration(?![^>]*enabled=)",
            "<hazelcast-config-specific-configuration enabled=\"false\"");
    xml = xml.replaceAll("(<jms-service[^>]*type=\")EMBEDDED\"", "$1DISABLED\"");
    // The DAS's config has no jms-service in a new domain: Payara adds one, EMBEDDED, at the first
    // start, and its OpenMQ broker then listens on every interface.
    String das = "<config name=\"server-config\">";
    int start = xml.indexOf(das);
    if (start >= 0
        && !xml.substring(start, xml.indexOf("</config>", start)).contains("<jms-service")) {
      xml =
          xml.replace(
              das,
              das
                  + "<jms-service type=\"DISABLED\" default-jms-host=\"default_JMS_host\">"
                  + "<jms-host port=\"${JMS_PROVIDER_PORT}\" name=\"default_JMS_host\""
                  + " host=\"localhost\"></jms-host></jms-service>");
    }
    Files.writeString(domainXml, xml);
  }

  private static Path unpack(Path zip, Path into, String domain) throws IOException {
    Path payara = into.resolve("payara6");
    if (Files.exists(payara.resolve("bin/asadmin"))) {
      deleteDomain(payara, domain);
      executable(payara);
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
    executable(payara);
    return payara;
  }

  /** What a zip does not keep: the scripts' x bit (nadmin starts an instance of a node). */
  private static void executable(Path payara) throws IOException {
    var mode = PosixFilePermissions.fromString("rwxr-xr-x");
    for (String dir : List.of("bin", "glassfish/bin")) {
      try (var scripts = Files.list(payara.resolve(dir))) {
        for (Path script : scripts.toList()) {
          Files.setPosixFilePermissions(script, mode);
        }
      }
    }
    try (var lib = Files.list(payara.resolve("glassfish/lib"))) {
      for (Path script :
          lib.filter(p -> p.getFileName().toString().startsWith("nadmin")).toList()) {
        Files.setPosixFilePermissions(script, mode);
      }
    }
  }

  /** A domain of an earlier run, and the instances of its node. */
  private static void deleteDomain(Path payara, String name) throws IOException {
    for (String dir : List.of("domains/" + name, "nodes/localhost-" + name)) {
      Path domain = payara.resolve("glassfish/" + dir);
      if (Files.exists(domain)) {
        try (var walk = Files.walk(domain)) {
          for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
    }
  }

  /** A base whose +37..+86 ports (a domain's or an instance's listeners) are all free. */
  private static int freePortBase(Set<Integer> taken) throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20_000 + ThreadLocalRandom.current().nextInt(200) * 100;
      if (!taken.contains(base)
          && List.of(37, 38, 39, 48, 66, 76, 80, 81, 86).stream().allMatch(p -> free(base + p))) {
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

  /**
   * An instance reports itself started before its applications are: until then "/" is the server's
   * welcome page. Ready (200) once Signal Hub answers and its database and broker do.
   */
  private static void awaitReady(URI instance) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    int status = -1;
    while (System.nanoTime() < deadline) {
      try {
        status = get(instance.resolve("/health/ready")).statusCode();
      } catch (IOException notYetListening) {
        status = -1;
      }
      if (status == 200) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(instance + " not ready in 180 s: " + status);
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
