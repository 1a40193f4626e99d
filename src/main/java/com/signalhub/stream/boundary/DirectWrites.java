package com.signalhub.stream.boundary;

import com.signalhub.stream.control.FrameSink;
import com.signalhub.stream.control.TyrusSink;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Picks how a stream connection's frames travel: straight to its Grizzly connection ({@link
 * GrizzlySink}) where the container is Payara's Grizzly and the connection is plain, else through
 * Tyrus. Grizzly's classes are only touched through GrizzlySink, so a container that hides them
 * from the application falls back to Tyrus instead of failing.
 */
final class DirectWrites {

  private static final Logger LOG = Logger.getLogger(DirectWrites.class.getName());
  private static final AtomicBoolean REPORTED = new AtomicBoolean();

  private DirectWrites() {}

  /**
   * The upgrade's Grizzly connection, its socket's send buffer fixed at {@code sendBufferBytes} (0:
   * left to the kernel); null when frames must go through Tyrus: a TLS connection (its bytes must
   * pass Grizzly's SSL filter), or {@code direct} false.
   */
  static Object connectionOf(HttpServletRequest request, boolean direct, int sendBufferBytes) {
    Object connection;
    try {
      connection = GrizzlySink.connectionOf(request);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      fallBack(e);
      return null;
    }
    if (connection != null && sendBufferBytes > 0) {
      try {
        GrizzlySink.capSendBuffer(connection, sendBufferBytes);
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.FINE, "Send buffer left to the kernel (the client may have left)", e);
      }
    }
    return direct && !request.isSecure() ? connection : null;
  }

  static FrameSink sink(Object connection, Session session) {
    if (connection != null) {
      try {
        FrameSink direct = GrizzlySink.of(connection, session);
        if (direct != null) {
          if (REPORTED.compareAndSet(false, true)) {
            LOG.info("Stream frames on plain connections are written straight to Grizzly");
          }
          return direct;
        }
      } catch (RuntimeException | LinkageError e) {
        fallBack(e);
      }
    }
    return new TyrusSink(session.getAsyncRemote());
  }

  private static void fallBack(Throwable e) {
    if (REPORTED.compareAndSet(false, true)) {
      LOG.log(
          Level.WARNING,
          "Stream frames go through Tyrus, socket send buffers are the kernel's: no Grizzly here",
          e);
    }
  }
}
