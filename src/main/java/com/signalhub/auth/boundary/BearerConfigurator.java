package com.signalhub.auth.boundary;

import com.signalhub.auth.control.BearerCredentials;
import com.signalhub.auth.control.TokenStore;
import com.signalhub.auth.entity.TokenPrincipal;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.tyrus.core.HandshakeException;
import org.glassfish.tyrus.spi.UpgradeResponse;

/**
 * Authenticates the WebSocket upgrade by its {@code Authorization: Bearer} header. A refused
 * upgrade is answered with a plain HTTP 401 and no session opens (the endpoint never sees it); an
 * accepted one carries its {@link TokenPrincipal} to the endpoint in the (per connection) user
 * properties.
 */
public class BearerConfigurator extends ServerEndpointConfig.Configurator {

  public static final String PRINCIPAL = "signalhub.principal";

  private static final Logger LOG = Logger.getLogger(BearerConfigurator.class.getName());

  private static final List<String> UPGRADE_HEADERS =
      List.of(
          "Upgrade",
          "Sec-WebSocket-Accept",
          "Sec-WebSocket-Protocol",
          "Sec-WebSocket-Extensions",
          "Connection");

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    Optional<TokenPrincipal> principal = authenticate(request.getHeaders());
    if (principal.isPresent()) {
      config.getUserProperties().put(PRINCIPAL, principal.get());
    } else {
      refuse(response);
    }
  }

  private static Optional<TokenPrincipal> authenticate(Map<String, List<String>> headers) {
    List<String> values = headerValues(headers, "Authorization");
    if (values.size() != 1) {
      LOG.log(Level.FINE, "Upgrade refused: {0} Authorization headers", values.size());
      return Optional.empty();
    }
    Optional<TokenPrincipal> principal =
        BearerCredentials.secretOf(values.get(0))
            .flatMap(secret -> CDI.current().select(TokenStore.class).get().authenticate(secret));
    if (principal.isEmpty()) {
      LOG.fine("Upgrade refused: malformed or unknown bearer token");
    }
    return principal;
  }

  /*
   * Tyrus treats a 401 set on the response as a successful upgrade: it would open a session, keep
   * the connection and send upgrade headers, and clients such as java.net.http.WebSocket or curl
   * would wait for ever. A HandshakeException is Tyrus's own way to fail a handshake: it answers
   * with that status (through sendError, so a plain HTTP response with a body and a length) and
   * opens no session. It is a checked exception this method may not declare, hence the sneaky throw.
   */
  private static void refuse(HandshakeResponse response) {
    if (response instanceof UpgradeResponse upgrade) {
      upgrade.setStatus(401);
    }
    Map<String, List<String>> headers = response.getHeaders();
    headers.keySet().removeIf(name -> UPGRADE_HEADERS.stream().anyMatch(name::equalsIgnoreCase));
    headers.put("Connection", List.of("close"));
    headers.put("WWW-Authenticate", List.of("Bearer realm=\"signal-hub\""));
    throwUnchecked(new HandshakeException(401, "a valid bearer token is required"));
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> void throwUnchecked(Exception e) throws E {
    throw (E) e;
  }

  private static List<String> headerValues(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase(name))
        .flatMap(header -> header.getValue().stream())
        .toList();
  }
}
