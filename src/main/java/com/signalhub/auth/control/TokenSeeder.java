package com.signalhub.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the token store from {@code signalhub.tokens} / {@code SIGNALHUB_TOKENS} at deployment. A
 * setting that does not parse seeds nothing and says which entry is wrong (never the secret).
 */
@ApplicationScoped
public class TokenSeeder {

  private static final Logger LOG = Logger.getLogger(TokenSeeder.class.getName());

  @Inject
  @ConfigProperty(name = "signalhub.tokens")
  Optional<String> setting;

  @Inject TokenRegistry registry;

  @Inject TokenCache cache;

  void seedAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    List<ConfiguredToken> configured;
    try {
      configured = ConfiguredToken.parseAll(setting.orElse(""));
    } catch (IllegalArgumentException e) {
      LOG.log(Level.SEVERE, "signalhub.tokens not applied: {0}", e.getMessage());
      configured = List.of();
    }
    registry.seed(configured);
    cache.refreshQuietly();
    long valid = registry.validCount();
    if (valid == 0) {
      LOG.warning(
          "No valid token in the store (seed some with signalhub.tokens): every client is refused");
    } else {
      LOG.log(
          Level.INFO,
          "{0} token(s) seeded from signalhub.tokens; {1} valid in the store",
          new Object[] {configured.size(), valid});
    }
  }
}
