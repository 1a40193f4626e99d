package com.signalhub.container;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;
import org.glassfish.grizzly.asyncqueue.AsyncQueueEnabledTransport;
import org.glassfish.grizzly.asyncqueue.AsyncQueueWriter;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.monitoring.MonitoringConfig;
import org.glassfish.grizzly.nio.NIOConnection;

/**
 * The one adapter into Payara's internals (its servlet request, Grizzly's connection, Tyrus's
 * session): everything the stream's fast path needs beyond the Jakarta APIs, resolved once at
 * deployment by {@link #selfCheck}. Where anything is missing — another container, an upgrade of
 * Payara that moved a field — it logs one SEVERE line and every connection takes the standard path
 * (Tyrus), which {@code signalhub_send_path_sessions{path="tyrus"}} then shows. {@code
 * signalhub.stream.direct-writes=false} turns all of it off: no reflection at all.
 */
@ApplicationScoped
public class DirectPath {

  private static final Logger LOG = Logger.getLogger(DirectPath.class.getName());

  @Inject
  @ConfigProperty(name = "signalhub.stream.direct-writes")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "signalhub.stream.socket-send-buffer-bytes")
  int sendBufferBytes;

  @Inject ReadBacklog readBacklog;

  /** What reaches past the APIs, once resolved; null while unavailable. */
  private record Handles(Field facadeRequest, Method coyoteRequest, RequestTrim trim) {}

  private volatile Handles handles;
  private volatile String unavailable = "not checked yet";

  /**
   * Resolves the fast path's handles in this container, from the classes behind its servlet
   * context. True when the fast path is in use.
   */
  public boolean selfCheck(ServletContext context) {
    if (!enabled) {
      unavailable = "signalhub.stream.direct-writes is false";
      LOG.info("Stream frames go through Tyrus: signalhub.stream.direct-writes is false");
      return false;
    }
    try {
      ClassLoader container = context.getClass().getClassLoader();
      Class<?> facade = container.loadClass("org.apache.catalina.connector.RequestFacade");
      Field request = field(facade, "request");
      Method coyote = request.getType().getMethod("getCoyoteRequest");
      if (!Request.class.isAssignableFrom(coyote.getReturnType())) {
        throw new NoSuchMethodException(coyote + " returns no Grizzly request");
      }
      handles = new Handles(request, coyote, RequestTrim.resolve());
      unavailable = null;
      LOG.info("Stream frames on plain connections are written straight to Grizzly");
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      unavailable = e.toString();
      LOG.log(
          Level.SEVERE,
          "The stream's direct send path cannot be installed in this container ({0}): every"
              + " connection goes through Tyrus, at several times the CPU per frame",
          e.toString());
      return false;
    }
    try {
      TyrusIdleTimer.offFor(context.getAttribute(SERVER_CONTAINER));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.log(
          Level.WARNING,
          "Tyrus's per-session idle timer stays on ({0}): a task with a context capture per frame",
          e.toString());
    }
    return true;
  }

  private static final String SERVER_CONTAINER = "jakarta.websocket.server.ServerContainer";

  /** Why the fast path is off (null when it is on). */
  public String unavailable() {
    return unavailable;
  }

  /**
   * The container's side of a stream upgrade, its socket's send buffer fixed at {@code
   * signalhub.stream.socket-send-buffer-bytes}; with a direct sink for plain connections only (TLS
   * bytes must pass Grizzly's SSL filter). Empty when the fast path is off or unavailable.
   */
  public Optional<UpgradedConnection> connectionOf(HttpServletRequest request) {
    Handles resolved = handles;
    if (resolved == null) {
      return Optional.empty();
    }
    Request grizzly;
    try {
      ServletRequest unwrapped = request;
      while (unwrapped instanceof ServletRequestWrapper wrapper) {
        unwrapped = wrapper.getRequest();
      }
      if (!resolved.facadeRequest().getDeclaringClass().isInstance(unwrapped)) {
        return Optional.empty(); // not a request of Payara's connector: this one goes via Tyrus
      }
      grizzly = (Request) resolved.coyoteRequest().invoke(resolved.facadeRequest().get(unwrapped));
    } catch (ReflectiveOperationException | RuntimeException e) {
      reportOnce(e);
      return Optional.empty();
    }
    Connection<?> connection = grizzly.getConnection();
    readBacklog.watch(connection);
    if (sendBufferBytes > 0) {
      try {
        setSocketOption(connection, StandardSocketOptions.SO_SNDBUF, sendBufferBytes);
      } catch (IOException e) {
        LOG.log(Level.FINE, "Send buffer left to the kernel (the client may have left)", e);
      }
    }
    AsyncQueueWriter<?> writer = null;
    if (!request.isSecure()
        && connection.getTransport() instanceof AsyncQueueEnabledTransport transport) {
      writer = transport.getAsyncQueueIO().getWriter();
      dropWriteProbes(connection);
    }
    return Optional.of(new UpgradedConnection(connection, writer, grizzly, resolved.trim()));
  }

  /*
   * Payara hangs a probe on every connection that reports each write's size to its (off by
   * default) request monitoring; on a stream connection that is a call per frame, ~2 % of the
   * fan-out's CPU in a profile. Its connection monitor (accept/close counts) stays.
   */
  private static void dropWriteProbes(Connection<?> connection) {
    MonitoringConfig<ConnectionProbe> probes = connection.getMonitoringConfig();
    for (ConnectionProbe probe : probes.getProbes()) {
      if (probe.getClass().getName().startsWith(VIRTUAL_SERVER_PROBE)) {
        probes.removeProbes(probe);
      }
    }
  }

  private static final String VIRTUAL_SERVER_PROBE = "com.sun.enterprise.web.VirtualServer$";

  private void reportOnce(Exception e) {
    if (handles != null) {
      handles = null;
      unavailable = e.toString();
      LOG.log(
          Level.SEVERE,
          "The stream's direct send path failed on a live upgrade ({0}): from now on every"
              + " connection goes through Tyrus",
          e.toString());
    }
  }

  static <T> void setSocketOption(Connection<?> connection, SocketOption<T> option, T value)
      throws IOException {
    if (connection instanceof NIOConnection c && c.getChannel() instanceof SocketChannel channel) {
      channel.setOption(option, value);
    }
  }

  static void shutdownOutput(Connection<?> connection) {
    if (connection instanceof NIOConnection c && c.getChannel() instanceof SocketChannel channel) {
      try {
        channel.shutdownOutput();
      } catch (IOException e) {
        // the connection is gone already
      }
    }
  }

  static Field field(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // up the hierarchy
      }
    }
    throw new NoSuchFieldException(type.getName() + "." + name);
  }
}
