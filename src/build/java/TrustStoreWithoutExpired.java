import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;
import java.util.zip.ZipFile;

/**
 * Build step: Payara Micro's own trust store ({@code MICRO-INF/domain/cacerts.p12} in its jar)
 * without the CA roots past their date, for the bundle. Payara logs a ~60-line WARNING block at
 * every boot for each expired certificate it finds there (NCLS-SECURITY-05054); an expired root is
 * no use for trust, so dropping it changes nothing else.
 *
 * <p>{@code java src/build/java/TrustStoreWithoutExpired.java <payara-micro.jar> <out.p12>}
 */
public final class TrustStoreWithoutExpired {

  private static final Logger LOG = Logger.getLogger(TrustStoreWithoutExpired.class.getName());
  private static final String ENTRY = "MICRO-INF/domain/cacerts.p12";
  private static final char[] PASSWORD = "changeit".toCharArray(); // Payara's master password

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: <payara-micro.jar> <out.p12>");
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (ZipFile jar = new ZipFile(args[0]);
        InputStream in = jar.getInputStream(jar.getEntry(ENTRY))) {
      store.load(in, PASSWORD);
    }
    int before = store.size();
    Date now = new Date();
    List<String> dropped = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      Certificate certificate = store.getCertificate(alias);
      if (certificate instanceof X509Certificate x509 && x509.getNotAfter().before(now)) {
        store.deleteEntry(alias);
        dropped.add(alias + " (" + x509.getNotAfter().toInstant() + ")");
      }
    }
    Path out = Path.of(args[1]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream file = Files.newOutputStream(out)) {
      store.store(file, PASSWORD);
    }
    int after = store.size();
    LOG.info(() -> out + ": " + after + " of " + before + " certificates; expired: " + dropped);
  }
}
