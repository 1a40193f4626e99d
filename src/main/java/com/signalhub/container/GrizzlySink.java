package com.signalhub.container;

import com.signalhub.fanout.control.Batch;
import com.signalhub.fanout.control.FrameSink;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.asyncqueue.AsyncQueueWriter;
import org.glassfish.grizzly.memory.BuffersBuffer;
import org.glassfish.grizzly.memory.ByteBufferWrapper;

/**
 * Writes a plain connection's batches, framed once per round, straight into Grizzly's write queue
 * for its socket: the bytes of several batches as one gathering write. Through Tyrus every frame of
 * every connection would be framed again and pass the servlet output stream and Grizzly's HTTP
 * filter chain. The queue takes whole buffers in order from any thread, so the 101 response before
 * (flushed by Tyrus) and Tyrus's own control frames (pongs, the close) stay whole and in order with
 * these. With nothing queued Grizzly writes on the calling thread and completes there; a partial
 * write completes later on its selector thread, and the outbox holds what comes meanwhile.
 */
final class GrizzlySink implements FrameSink {

  @SuppressWarnings("rawtypes")
  private final Connection connection;

  @SuppressWarnings("rawtypes")
  private final AsyncQueueWriter writer;

  private final Session session;
  private Completion completion; // the outbox's one send in flight: reused while its callback is

  GrizzlySink(Connection<?> connection, AsyncQueueWriter<?> writer, Session session) {
    this.connection = connection;
    this.writer = writer;
    this.session = session;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void send(List<Batch> batches, Consumer<Throwable> done) {
    if (!session.isOpen()) {
      done.accept(new IOException("session closed"));
      return;
    }
    Completion handler = completion;
    if (handler == null || handler.done != done) {
      handler = completion = new Completion(done);
    }
    writer.write(connection, bytes(batches), handler);
  }

  private Buffer bytes(List<Batch> batches) {
    if (batches.size() == 1) {
      return new ByteBufferWrapper(batches.get(0).wire());
    }
    Buffer[] parts = new Buffer[batches.size()];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = new ByteBufferWrapper(batches.get(i).wire());
    }
    return BuffersBuffer.create(connection.getMemoryManager(), parts);
  }

  @Override
  public String path() {
    return "direct";
  }

  @SuppressWarnings("rawtypes")
  private static final class Completion implements CompletionHandler<WriteResult> {

    final Consumer<Throwable> done;

    Completion(Consumer<Throwable> done) {
      this.done = done;
    }

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
