package com.signalhub.ops.boundary;

import com.signalhub.ops.control.BoundedProbe;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the JMS broker answers: browsing the signal queue is a round trip to it (opening
 * a context alone may be served from the pool without one).
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

  @Resource(lookup = "jms/signalhub")
  ConnectionFactory connections;

  @Resource(lookup = "jms/signals")
  Queue signals;

  @Inject BoundedProbe probe;

  @Override
  public HealthCheckResponse call() {
    return probe.run(this::browse).response("jms-broker", "jms/signals");
  }

  private Boolean browse() throws Exception {
    try (JMSContext context = connections.createContext();
        QueueBrowser browser = context.createBrowser(signals)) {
      return browser.getEnumeration().hasMoreElements();
    }
  }
}
