package com.signalhub.stream.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which browser pages may open the stream (cross-site WebSocket hijacking): requests without an
 * {@code Origin} (non-browser clients) pass; a page of this server's own origin passes; others only
 * when listed in {@code signalhub.stream.allowed-origins} ({@code *} allows any).
 */
@ApplicationScoped
public class OriginPolicy {

  @Inject
  @ConfigProperty(name = "signalhub.stream.allowed-origins")
  Optional<String> allowed; // Payara's config cannot inject Optional<List<String>>

  public boolean allows(String origin, String host) {
    if (origin == null) {
      return true;
    }
    String normalized = origin.strip().toLowerCase(Locale.ROOT);
    List<String> list = List.of(allowed.orElse("").split(","));
    if (list.contains("*") || list.stream().anyMatch(o -> o.strip().equalsIgnoreCase(normalized))) {
      return true;
    }
    return sameOrigin(normalized, host);
  }

  private static boolean sameOrigin(String origin, String host) {
    if (host == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      if (uri.getHost() == null) {
        return false;
      }
      int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
      String expected = uri.getHost() + ":" + port;
      String given = host.strip().toLowerCase(Locale.ROOT);
      return given.equals(expected) || (given + ":" + port).equals(expected);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
