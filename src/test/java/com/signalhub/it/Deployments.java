package com.signalhub.it;

import java.io.File;
import java.net.URI;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The integration tests deploy the WAR the build produced, exactly as an operator would. */
final class Deployments {

  static final String SUBSCRIBER = "it-subscriber-secret-0001";
  static final String SUBSCRIBER_2 = "it-subscriber-secret-0002";
  static final String PUBLISHER = "it-publisher-secret-0001";

  private Deployments() {}

  /** Payara Micro reports its public interface; the test server listens on 127.0.0.1 only. */
  static URI loopback(URI deployed) {
    return URI.create("http://127.0.0.1:" + deployed.getPort() + "/");
  }

  static WebArchive builtWar() {
    File war = new File("target/signal-hub.war");
    if (!war.isFile()) {
      throw new IllegalStateException(
          war + " is missing: run the integration tests with mvn verify");
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }
}
