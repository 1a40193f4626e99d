package com.signalhub.container;

import com.signalhub.fanout.control.FrameSink;
import jakarta.websocket.Session;
import java.util.Optional;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.asyncqueue.AsyncQueueWriter;
import org.glassfish.grizzly.http.server.Request;

/**
 * The container's side of one stream upgrade, found by {@link DirectPath}: the connection frames
 * are written straight to (plain connections only), and the HTTP request the container keeps for
 * the session's life, which is trimmed once the session has settled.
 */
public final class UpgradedConnection {

  private final Connection<?> connection;
  private final AsyncQueueWriter<?> writer; // null: frames must go through Tyrus (TLS)
  private final Request request;
  private final RequestTrim trim;

  UpgradedConnection(
      Connection<?> connection, AsyncQueueWriter<?> writer, Request request, RequestTrim trim) {
    this.connection = connection;
    this.writer = writer;
    this.request = request;
    this.trim = trim;
  }

  /** The sink that writes this session's frames to the connection; empty for TLS. */
  public Optional<FrameSink> directSink(Session session) {
    return writer == null
        ? Optional.empty()
        : Optional.of(new GrizzlySink(connection, writer, session));
  }

  /**
   * The session is open and settled: lets go of what the upgrade's request and Tyrus's handler
   * ({@code upgradeHandler}) hold that nothing reads again.
   */
  public void settled(Object upgradeHandler) {
    // The container recycles a closed connection's request for other clients: trim only while
    // it is still this open connection's.
    if (connection.isOpen() && request.getRequest().getConnection() == connection) {
      trim.trim(request, upgradeHandler);
    }
  }
}
