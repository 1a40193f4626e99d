package com.signalhub.container;

import com.signalhub.fanout.control.FrameSink;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import org.glassfish.grizzly.CloseListener;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.asyncqueue.AsyncQueueEnabledTransport;
import org.glassfish.grizzly.asyncqueue.AsyncQueueWriter;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.nio.NIOConnection;

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
    if (writer != null
        && connection instanceof NIOConnection nio
        && nio.getChannel() instanceof SocketChannel channel) {
      return Optional.of(new GrizzlySink(nio, channel, session));
    }
    return Optional.empty();
  }

  /**
   * Shuts the socket's output down (a FIN) once everything queued for it before this call has been
   * written: Tyrus's close frame last. Through the transport's own queue, below TLS, which has
   * encrypted those bytes into it already.
   */
  @SuppressWarnings("unchecked") // the transport hands its writer out raw
  public void halfCloseWhenWritten() {
    if (!(connection.getTransport() instanceof AsyncQueueEnabledTransport transport)) {
      return;
    }
    transport
        .getAsyncQueueIO()
        .getWriter()
        .write(
            connection,
            Buffers.EMPTY_BUFFER,
            new EmptyCompletionHandler<>() {
              @Override
              public void completed(Object result) {
                DirectPath.shutdownOutput(connection);
              }
            });
  }

  /** A reset, not a FIN behind bytes never read: the kernel frees the socket's buffers at once. */
  public void reset() {
    try {
      DirectPath.setSocketOption(connection, StandardSocketOptions.SO_LINGER, 0);
    } catch (IOException e) {
      // already gone
    }
    connection.terminateSilently(); // close() would wait for the write queue to drain: never
  }

  /** Runs {@code action} once the connection is closed, by either side, for whatever reason. */
  @SuppressWarnings("deprecation") // Grizzly 4 deprecates its close types, with nothing instead
  public void onClosed(Runnable action) {
    connection.addCloseListener((CloseListener<?, ?>) (closeable, type) -> action.run());
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
