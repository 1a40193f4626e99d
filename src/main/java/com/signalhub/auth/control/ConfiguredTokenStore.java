package com.signalhub.auth.control;

import com.signalhub.auth.entity.TokenPrincipal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tokens from configuration ({@code signalhub.tokens} / {@code SIGNALHUB_TOKENS}). With none
 * configured, or a setting that does not parse, every connection and request is refused.
 */
@ApplicationScoped
public class ConfiguredTokenStore implements TokenStore {

  private static final Logger LOG = Logger.getLogger(ConfiguredTokenStore.class.getName());

  @Inject
  @ConfigProperty(name = "signalhub.tokens")
  Optional<String> setting;

  private List<ConfiguredToken> tokens = List.of();

  /** Loads at deployment, so a missing or broken setting is logged then, not at first use. */
  void loadAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    // observing is enough: the container creates the bean and runs load()
  }

  @PostConstruct
  void load() {
    try {
      tokens = ConfiguredToken.parseAll(setting.orElse(""));
    } catch (IllegalArgumentException e) {
      LOG.log(Level.SEVERE, "Refusing every token: {0}", e.getMessage());
      tokens = List.of();
      return;
    }
    if (tokens.isEmpty()) {
      LOG.warning(
          "No tokens configured (signalhub.tokens / SIGNALHUB_TOKENS): every client is refused");
    } else {
      LOG.log(Level.INFO, "{0} token(s) configured", tokens.size());
    }
  }

  @Override
  public Optional<TokenPrincipal> authenticate(String secret) {
    byte[] presented = ConfiguredToken.sha256(secret);
    TokenPrincipal match = null;
    // Compare against every token, in constant time each, so timing reveals neither which nor how
    // much of a secret matched.
    for (ConfiguredToken token : tokens) {
      if (MessageDigest.isEqual(presented, token.secretHash())) {
        match = token.principal();
      }
    }
    return Optional.ofNullable(match);
  }
}
