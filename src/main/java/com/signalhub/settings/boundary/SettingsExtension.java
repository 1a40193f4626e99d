package com.signalhub.settings.boundary;

import com.signalhub.settings.control.Rule;
import com.signalhub.settings.control.SettingsCheck;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Checks every {@code signalhub.*} setting before any bean is made: a value of the wrong type, out
 * of its range or at odds with another fails the deployment, with one SEVERE line per problem —
 * never a start with a default the operator did not choose, nor a half-started application that
 * refuses every client. On Payara Micro, where a failed deployment would leave the process up and
 * reporting itself ready, the process then exits with status {@value #EXIT_CONFIG} (EX_CONFIG).
 */
public class SettingsExtension implements Extension {

  private static final Logger LOG = Logger.getLogger(SettingsExtension.class.getName());

  static final int EXIT_CONFIG = 78;
  private static final String MICRO_LAUNCHER = "fish.payara.micro.boot.PayaraMicroLauncher";

  private List<String> problems = List.of();

  void check(@Observes BeforeBeanDiscovery event) {
    Config config = ConfigProvider.getConfig();
    problems = SettingsCheck.problems(key -> config.getOptionalValue(key, String.class));
    warnOfUnknown(config);
    if (problems.isEmpty()) {
      LOG.log(Level.INFO, "Configuration checked: {0} settings", SettingsCheck.RULES.size());
      return;
    }
    for (String problem : problems) {
      LOG.log(Level.SEVERE, "Configuration refused: {0}", problem);
    }
    boolean micro = onMicro();
    LOG.log(
        Level.SEVERE,
        "Signal Hub does not start: {0} setting(s) refused, see above{1}",
        new Object[] {
          problems.size(), micro ? "; Payara Micro exits with status " + EXIT_CONFIG : ""
        });
    if (micro) {
      // Off this thread: the deployment goes on failing while the shutdown hooks run.
      Thread exit = new Thread(() -> System.exit(EXIT_CONFIG), "signalhub-config-exit");
      exit.setDaemon(true);
      exit.start();
    }
  }

  void refuse(@Observes AfterBeanDiscovery event) {
    if (!problems.isEmpty()) {
      event.addDefinitionError(
          new DeploymentException(
              "Signal Hub's configuration is refused: " + String.join(" | ", problems)));
    }
  }

  /* A signalhub.* name no setting has: a typo whose value is not used. */
  private static void warnOfUnknown(Config config) {
    Set<String> known = SettingsCheck.RULES.stream().map(Rule::key).collect(Collectors.toSet());
    for (String name : config.getPropertyNames()) {
      if (name.startsWith("signalhub.") && !known.contains(name)) {
        LOG.log(Level.WARNING, "Unknown setting {0}: not used by Signal Hub (a typo?)", name);
      }
    }
  }

  private static boolean onMicro() {
    try {
      Class.forName(MICRO_LAUNCHER, false, ClassLoader.getSystemClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
