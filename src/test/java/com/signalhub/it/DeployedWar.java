package com.signalhub.it;

import java.net.URI;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Black-box tests of the built WAR on a managed Payara Micro (one per test class). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DeployedWar {

  @ArquillianResource URI deployed;

  /** Where the tests talk to the server: 127.0.0.1, the only address it listens on. */
  URI base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.builtWar();
  }

  @BeforeEach
  void talkOverLoopback() {
    base = Deployments.loopback(deployed);
  }
}
