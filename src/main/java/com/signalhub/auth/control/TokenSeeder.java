package com.signalhub.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the token store from {@code signalhub.tokens} / {@code SIGNALHUB_TOKENS} at deployment. An
 * entry that cannot be seeded (malformed, a bad role or secret, a name or secret taken) is skipped
 * with a SEVERE line naming it (never its secret); the others are seeded.
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
    ConfiguredToken.Parsed parsed = ConfiguredToken.parseAll(setting.orElse(""));
    List<String> taken = seed(parsed.tokens());
    List<String> skipped = new ArrayList<>(parsed.problems());
    skipped.addAll(taken);
    for (String problem : skipped) {
      LOG.log(Level.SEVERE, "Token skipped, the others are seeded: {0}", problem);
    }
    int seeded = parsed.tokens().size() - taken.size();
    cache.refreshQuietly();
    long valid = registry.validCount();
    if (valid == 0) {
      LOG.warning(
          "No valid token in the store (seed some with signalhub.tokens): every client is refused");
    } else {
      LOG.log(
          Level.INFO,
          "{0} token(s) seeded from signalhub.tokens; {1} valid in the store",
          new Object[] {seeded, valid});
    }
  }

  /*
   * Instances that start at once on a new database seed the same names: the one whose commit comes
   * second fails on the unique name (and, without this, the application with it). Seeding again
   * finds them stored and updates them to the same values.
   */
  private List<String> seed(List<ConfiguredToken> tokens) {
    try {
      return registry.seed(tokens);
    } catch (RuntimeException concurrent) {
      LOG.log(
          Level.INFO,
          "Seeding tokens again, another instance may have stored them at the same moment: {0}",
          concurrent.toString());
      return registry.seed(tokens);
    }
  }
}
