package com.signalhub.stream.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts a {@link GuardedUpgrade} between the container and Tyrus on every WebSocket upgrade, so a
 * frame declaring more than {@code signalhub.stream.max-inbound-bytes} is refused with 1009 from
 * its header. Without it Tyrus buffers the frame, and past its incoming buffer closes with 1011
 * "Buffer overflow." that the endpoint never sees. Declared filters run before the one Tyrus adds.
 * It also finds the connection under the upgrade for {@link DirectWrites} (and the socket's send
 * buffer cap).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class FrameGuardFilter extends HttpFilter {

  @Inject
  @ConfigProperty(name = "signalhub.stream.max-inbound-bytes")
  int maxInboundBytes;

  @Inject
  @ConfigProperty(name = "signalhub.stream.direct-writes", defaultValue = "true")
  boolean directWrites;

  @Inject
  @ConfigProperty(name = "signalhub.stream.socket-send-buffer-bytes", defaultValue = "65536")
  int sendBufferBytes;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
      chain.doFilter(new GuardedUpgradeRequest(request), response);
    } else {
      chain.doFilter(request, response);
    }
  }

  /** Hands Tyrus its own upgrade handler, inside one of ours that the container drives. */
  private final class GuardedUpgradeRequest extends HttpServletRequestWrapper {

    GuardedUpgradeRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass)
        throws IOException, ServletException {
      T inner;
      try {
        inner = handlerClass.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new ServletException("cannot create " + handlerClass.getName(), e);
      }
      Object direct = DirectWrites.connectionOf(this, directWrites, sendBufferBytes);
      super.upgrade(GuardedUpgrade.class).guard(inner, maxInboundBytes, direct);
      return inner;
    }
  }
}
