package com.signalhub.stream.boundary;

import com.signalhub.stream.control.Admission;
import com.signalhub.stream.control.Refused;
import com.signalhub.stream.entity.Refusal;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import org.glassfish.tyrus.core.HandshakeException;
import org.glassfish.tyrus.spi.UpgradeResponse;

/**
 * The stream's upgrade: {@link com.signalhub.stream.control.StreamGate} decides; a refused upgrade
 * is answered with a plain HTTP status (403, 401, 429, 503) and no session opens (the endpoint
 * never sees it); an admitted one carries its {@link Admission}, and what the filter learned of the
 * connection ({@link StreamUpgrade}), to the endpoint in the (per connection) user properties.
 */
public class StreamHandshake extends ServerEndpointConfig.Configurator {

  public static final String ADMISSION = "signalhub.admission";

  private volatile StreamServices services;

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
    Map<String, List<String>> headers = request.getHeaders();
    StreamUpgrade upgrade = StreamUpgrade.claim(first(headers.get(StreamUpgrade.HEADER)));
    try {
      Admission admission = services().gate().admit(headers, request.getParameterMap());
      config.getUserProperties().put(ADMISSION, admission);
      if (upgrade != null) {
        config.getUserProperties().put(StreamUpgrade.PROPERTY, upgrade);
      }
    } catch (Refused refused) {
      refuse(response, refused);
    }
  }

  /**
   * One endpoint per connection, without a CDI injection target each (see {@link StreamServices}).
   */
  @Override
  public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
    if (endpointClass != SignalSocket.class) {
      return super.getEndpointInstance(endpointClass);
    }
    return endpointClass.cast(new SignalSocket(services()));
  }

  private StreamServices services() {
    StreamServices resolved = services;
    if (resolved == null) {
      resolved = services = StreamServices.current(); // a proxy: the same for the app's life
    }
    return resolved;
  }

  /** No subprotocol is offered (and so none is asked of the container's default). */
  @Override
  public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
    return "";
  }

  /** No extension either: frames are framed once for every connection, uncompressed. */
  @Override
  public List<Extension> getNegotiatedExtensions(
      List<Extension> installed, List<Extension> requested) {
    return List.of();
  }

  /** Origins are checked by the gate, with the Host header at hand. */
  @Override
  public boolean checkOrigin(String originHeaderValue) {
    return true;
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /*
   * Tyrus treats a status set on the response as a successful upgrade: it would open a session,
   * keep the connection and send upgrade headers, and clients such as java.net.http.WebSocket or
   * curl would wait for ever. A HandshakeException is Tyrus's own way to fail a handshake: it
   * answers with that status (through sendError, so a plain HTTP response with a body and a length)
   * and opens no session. It is a checked exception this method may not declare, hence the sneaky
   * throw.
   */
  private static void refuse(HandshakeResponse response, Refused refused) {
    Refusal refusal = refused.refusal();
    if (response instanceof UpgradeResponse upgrade) {
      upgrade.setStatus(refusal.status());
    }
    Map<String, List<String>> headers = response.getHeaders();
    headers.keySet().removeIf(name -> UPGRADE_HEADERS.stream().anyMatch(name::equalsIgnoreCase));
    headers.put("Connection", List.of("close"));
    if (refusal == Refusal.UNAUTHORIZED) {
      headers.put("WWW-Authenticate", List.of("Bearer realm=\"signal-hub\""));
    } else if (refusal.retryLater()) {
      headers.put("Retry-After", List.of(Integer.toString(refusal.retryAfterSeconds())));
    }
    throwUnchecked(new HandshakeException(refusal.status(), refused.getMessage()));
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> void throwUnchecked(Exception e) throws E {
    throw (E) e;
  }
}
