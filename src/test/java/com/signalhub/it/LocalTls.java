package com.signalhub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A self-signed key pair for localhost / 127.0.0.1, made by keytool as the TLS run makes one. */
final class LocalTls {

  static final String PASSWORD = "changeit";
  static final String ALIAS = "signalhub";

  private LocalTls() {}

  static Path keystore(Path dir) throws Exception {
    Path keystore = dir.resolve("signalhub.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                ALIAS,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD,
                "-noprompt")
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertEquals(0, keytool.waitFor(), output);
    return keystore;
  }

  /** A client context that trusts exactly that key pair. */
  static SSLContext trusting(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  /** A Payara Micro serving https:// (and wss://) at {@code secure} with a fresh key pair. */
  record Server(PayaraProcess process, URI secure, Path keystore) {}

  /**
   * Starts one with the operator's TLS configuration (server-config/production/ pre-boot commands,
   * a keystore made by keytool, {@code --sslport}), the tests' system properties plus {@code
   * properties} (lines of {@code key=value}).
   */
  static Server start(Path dir, String properties) throws Exception {
    Path keystore = keystore(dir);
    Path system = dir.resolve("system.properties");
    Files.writeString(
        system, Files.readString(Path.of("src/test/resources/it-system.properties")) + properties);
    int tlsPort = PayaraProcess.freePort();
    PayaraProcess process =
        PayaraProcess.withH2(
            dir,
            dir.resolve("server.log"),
            Path.of("server-config/production/pre-boot-commands.asadmin"),
            Map.of(
                "SIGNALHUB_BIND_ADDRESS",
                "127.0.0.1",
                "SIGNALHUB_TLS_KEYSTORE",
                keystore.toAbsolutePath().toString(),
                "SIGNALHUB_TLS_KEYSTORE_PASSWORD",
                PASSWORD,
                "SIGNALHUB_TLS_ALIAS",
                ALIAS),
            List.of("--sslport", String.valueOf(tlsPort)),
            system);
    return new Server(process, URI.create("https://localhost:" + tlsPort + "/"), keystore);
  }
}
