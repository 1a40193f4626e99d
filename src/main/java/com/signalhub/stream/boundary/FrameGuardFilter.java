package com.signalhub.stream.boundary;

import com.signalhub.container.DirectPath;
import com.signalhub.container.ReadBacklog;
import com.signalhub.container.UpgradedConnection;
import com.signalhub.stream.control.BusyAdvice;
import com.signalhub.stream.control.StreamMetrics;
import com.signalhub.stream.entity.Refusal;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts a {@link GuardedUpgrade} between the container and Tyrus on every WebSocket upgrade, so a
 * frame declaring more than {@code signalhub.stream.max-inbound-bytes} is refused with 1009 from
 * its header. Without it Tyrus buffers the frame, and past its incoming buffer closes with 1011
 * "Buffer overflow." that the endpoint never sees. Declared filters run before the one Tyrus adds.
 * It also finds the connection under the upgrade for direct writes ({@link DirectPath}) and hands
 * both to the endpoint ({@link StreamUpgrade}), and refuses upgrades with 503 while the container's
 * request queue is backed up ({@link ReadBacklog}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class FrameGuardFilter extends HttpFilter {

  @Inject
  @ConfigProperty(name = "signalhub.stream.max-inbound-bytes")
  int maxInboundBytes;

  @Inject
  @ConfigProperty(name = "signalhub.stream.max-upgrade-wait-ms")
  long maxUpgradeWaitMs;

  @Inject DirectPath directPath;

  @Inject ReadBacklog backlog;

  @Inject StreamMetrics metrics;

  @Inject CloseLinger linger;

  @Inject
  @ConfigProperty(name = "signalhub.stream.max-busy-retry-seconds")
  int maxBusyRetrySeconds;

  private volatile BusyAdvice advice;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
      chain.doFilter(request, response);
      return;
    }
    if (maxUpgradeWaitMs > 0 && backlog.nanos() > TimeUnit.MILLISECONDS.toNanos(maxUpgradeWaitMs)) {
      refuseBusy(response);
      return;
    }
    advice().admitted(System.nanoTime());
    StreamUpgrade upgrade = StreamUpgrade.register();
    try {
      chain.doFilter(new GuardedUpgradeRequest(request, upgrade), response);
    } finally {
      upgrade.release();
    }
  }

  /*
   * Answered here, before Tyrus and the endpoint do any work for it: 503 costs a fraction of an
   * upgrade, so while a storm lasts the queue drains instead of growing, and every client gets an
   * answer and a time to come back, as from the other 503s.
   */
  private void refuseBusy(HttpServletResponse response) throws IOException {
    metrics.refused(Refusal.BUSY);
    response.setStatus(Refusal.BUSY.status());
    response.setHeader("Retry-After", Integer.toString(advice().refused(System.nanoTime())));
    response.setHeader("Connection", "close");
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write("the server is busy accepting connections, retry later");
  }

  private BusyAdvice advice() {
    BusyAdvice current = advice;
    if (current == null) { // a filter is made by the container: no @PostConstruct order to rely on
      current =
          new BusyAdvice(maxBusyRetrySeconds, bound -> ThreadLocalRandom.current().nextInt(bound));
      advice = current;
    }
    return current;
  }

  /** Names the upgrade in a header, and hands Tyrus its own handler inside one of ours. */
  private final class GuardedUpgradeRequest extends HttpServletRequestWrapper {

    private final StreamUpgrade upgrade;

    GuardedUpgradeRequest(HttpServletRequest request, StreamUpgrade upgrade) {
      super(request);
      this.upgrade = upgrade;
    }

    @Override
    public String getHeader(String name) {
      return StreamUpgrade.HEADER.equalsIgnoreCase(name) ? upgrade.id : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return StreamUpgrade.HEADER.equalsIgnoreCase(name)
          ? Collections.enumeration(List.of(upgrade.id))
          : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = new ArrayList<>();
      for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements(); ) {
        String name = e.nextElement();
        if (!StreamUpgrade.HEADER.equalsIgnoreCase(name)) { // a client's own is not ours
          names.add(name);
        }
      }
      names.add(StreamUpgrade.HEADER);
      return Collections.enumeration(names);
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
      GuardedUpgrade guard = super.upgrade(GuardedUpgrade.class);
      Optional<UpgradedConnection> connection = directPath.connectionOf(this);
      guard.guard(inner, maxInboundBytes, linger, connection);
      upgrade.upgraded(guard, connection);
      return inner;
    }
  }
}
