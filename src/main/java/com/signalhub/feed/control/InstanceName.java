package com.signalhub.feed.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's name among those sharing a database: {@code signalhub.instance.name}, or one made
 * up at start. Shown by the sessions API and the metrics, and how an instance knows its own
 * messages on the cluster topic.
 */
@ApplicationScoped
public class InstanceName {

  @Inject
  @ConfigProperty(name = "signalhub.instance.name")
  Optional<String> configured;

  private String name;

  public synchronized String name() {
    if (name == null) {
      name =
          configured
              .filter(n -> !n.isBlank())
              .orElse("hub-" + UUID.randomUUID().toString().substring(0, 8));
    }
    return name;
  }
}
