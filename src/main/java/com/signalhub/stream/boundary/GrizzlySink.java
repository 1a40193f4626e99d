package com.signalhub.stream.boundary;

import com.signalhub.stream.control.FrameSink;
import com.signalhub.stream.control.WireFrame;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.asyncqueue.AsyncQueueEnabledTransport;
import org.glassfish.grizzly.asyncqueue.AsyncQueueWriter;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.memory.ByteBufferWrapper;
import org.glassfish.grizzly.nio.NIOConnection;

/**
 * Writes a plain (not TLS) connection's frames, already framed once per broadcast ({@link
 * WireFrame#wire()}), straight into Grizzly's write queue for its socket. Through Tyrus every frame
 * of every connection is framed again and goes through the servlet output stream and Grizzly's HTTP
 * filter chain: most of the CPU time per delivered frame in the fan-out profile (bench/RESULTS.md).
 * The queue takes whole buffers in order from any thread, so the 101 response before (flushed by
 * Tyrus) and Tyrus's own control frames (pings, pongs, the close) stay whole and in order with
 * these; completion comes when the kernel has the bytes, so a client that stops reading backs up
 * into the {@code Outbox} and its bounds, as through Tyrus.
 */
final class GrizzlySink implements FrameSink {

  @SuppressWarnings("rawtypes")
  private final Connection connection;

  @SuppressWarnings("rawtypes")
  private final AsyncQueueWriter writer;

  private final Session session;

  private GrizzlySink(Connection<?> connection, AsyncQueueWriter<?> writer, Session session) {
    this.connection = connection;
    this.writer = writer;
    this.session = session;
  }

  /** The Grizzly connection under an upgrade request of Payara's, or null. */
  static Connection<?> connectionOf(HttpServletRequest request)
      throws ReflectiveOperationException {
    ServletRequest unwrapped = request;
    while (unwrapped instanceof ServletRequestWrapper wrapper) {
      unwrapped = wrapper.getRequest();
    }
    Object catalinaRequest = field(unwrapped.getClass(), "request").get(unwrapped);
    Object grizzlyRequest =
        catalinaRequest.getClass().getMethod("getCoyoteRequest").invoke(catalinaRequest);
    return grizzlyRequest instanceof Request r ? r.getConnection() : null;
  }

  /**
   * Fixes the kernel's send buffer of the connection's socket (which also stops Linux growing it,
   * up to 4 MB by default on loopback, for a client that does not read).
   */
  static void capSendBuffer(Object connection, int bytes) throws IOException {
    setSocketOption(connection, StandardSocketOptions.SO_SNDBUF, bytes);
  }

  private static <T> void setSocketOption(Object connection, SocketOption<T> option, T value)
      throws IOException {
    if (connection instanceof NIOConnection c && c.getChannel() instanceof SocketChannel channel) {
      channel.setOption(option, value);
    }
  }

  /** A sink for this session's connection, or null when its transport has no write queue. */
  static FrameSink of(Object connection, Session session) {
    return connection instanceof Connection<?> c
            && c.getTransport() instanceof AsyncQueueEnabledTransport transport
        ? new GrizzlySink(c, transport.getAsyncQueueIO().getWriter(), session)
        : null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void send(WireFrame frame, Consumer<Throwable> done) {
    if (!session.isOpen()) {
      done.accept(new IOException("session closed"));
      return;
    }
    writer.write(connection, new ByteBufferWrapper(frame.wire()), new Completion(done));
  }

  @Override
  public String path() {
    return "direct";
  }

  /** A reset, not a FIN behind the frames it never read: the kernel frees their buffer at once. */
  @Override
  public void abort() {
    try {
      setSocketOption(connection, StandardSocketOptions.SO_LINGER, 0);
    } catch (IOException e) {
      // already gone
    }
    connection.terminateSilently(); // close() would wait for the write queue to drain: never
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
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

  @SuppressWarnings("rawtypes")
  private record Completion(Consumer<Throwable> done) implements CompletionHandler<WriteResult> {

    @Override
    public void completed(WriteResult result) {
      done.accept(null);
    }

    @Override
    public void failed(Throwable throwable) {
      done.accept(throwable);
    }

    @Override
    public void cancelled() {
      done.accept(new CancellationException("write cancelled"));
    }

    @Override
    public void updated(WriteResult result) {}
  }
}
