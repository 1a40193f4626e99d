package com.signalhub.auth.boundary;

import com.signalhub.auth.control.TokenCache;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reloads the token cache from the store every {@code signalhub.auth.refresh-interval-ms}: how soon
 * a token revoked or created on another instance takes effect here (and its sessions close).
 */
@Singleton
@Startup
public class TokenRefresh {

  @Resource TimerService timers;

  @Inject TokenCache cache;

  @Inject
  @ConfigProperty(name = "signalhub.auth.refresh-interval-ms")
  long intervalMs;

  @PostConstruct
  void start() {
    cache.refreshQuietly();
    timers.createIntervalTimer(intervalMs, intervalMs, new TimerConfig("token-refresh", false));
  }

  @Timeout
  void refresh() {
    cache.refreshQuietly();
  }
}
