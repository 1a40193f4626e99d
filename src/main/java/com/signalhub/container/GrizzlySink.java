package com.signalhub.container;

import com.signalhub.fanout.control.Batch;
import com.signalhub.fanout.control.FrameSink;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.IOEvent;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.asyncqueue.AsyncWriteQueueRecord;
import org.glassfish.grizzly.asyncqueue.TaskQueue;
import org.glassfish.grizzly.memory.BuffersBuffer;
import org.glassfish.grizzly.memory.ByteBufferWrapper;
import org.glassfish.grizzly.nio.NIOConnection;

/**
 * Writes a plain connection's batches, framed once per round, straight to its socket: the bytes of
 * several batches as one gathering write. Through Tyrus every frame of every connection would be
 * framed again and pass the servlet output stream and Grizzly's HTTP filter chain.
 *
 * <p>Grizzly's write queue orders every writer of the socket: the 101 response before (flushed by
 * Tyrus) and Tyrus's own control frames (pongs, the close) stay whole and in order with these. Its
 * space counter is the lock: whoever reserves space in an empty queue writes. When this sink finds
 * the queue empty it writes on the calling thread itself (no queue record, no probes), and what
 * others queued meanwhile is handed back to Grizzly's selector; what the socket did not take
 * becomes the queue's current record, completed later on the selector thread (the outbox holds what
 * comes meanwhile). When the queue is busy the batches join it behind the others.
 */
final class GrizzlySink implements FrameSink {

  private final NIOConnection connection;
  private final SocketChannel channel;
  private final TaskQueue<AsyncWriteQueueRecord> queue;

  private final Session session;
  private Completion completion; // the outbox's one send in flight: reused while its callback is

  GrizzlySink(NIOConnection connection, SocketChannel channel, Session session) {
    this.connection = connection;
    this.channel = channel;
    this.queue = connection.getAsyncWriteQueue();
    this.session = session;
  }

  @Override
  public void send(List<Batch> batches, Consumer<Throwable> done) {
    if (!session.isOpen()) {
      done.accept(new IOException("session closed"));
      return;
    }
    Completion handler = completion;
    if (handler == null || handler.done != done) {
      handler = completion = new Completion(done);
    }
    ByteBuffer[] wires = new ByteBuffer[batches.size()];
    int bytes = 0;
    for (int i = 0; i < wires.length; i++) {
      wires[i] = batches.get(i).wire();
      bytes += wires[i].remaining();
    }
    if (bytes == 0) {
      handler.completed(null);
    } else if (queue.reserveSpace(bytes) == bytes) {
      writeNow(wires, bytes, handler);
    } else { // somebody else is writing: behind them, whose last write hands the queue on
      queue.offer(record(wires, handler));
    }
  }

  /* Owns the socket: it reserved the space of {@code bytes} in an empty queue. */
  private void writeNow(ByteBuffer[] wires, int bytes, Completion handler) {
    long written;
    try {
      written = wires.length == 1 ? channel.write(wires[0]) : channel.write(wires);
    } catch (IOException | RuntimeException e) {
      release(bytes);
      handler.failed(e);
      connection.closeSilently(); // as Grizzly does when a write fails
      return;
    }
    if (written == bytes) {
      release(bytes);
      handler.completed(null);
      return;
    }
    // The socket is full: the rest is the queue's current record, written when it drains.
    queue.releaseSpaceAndNotify((int) written);
    queue.setCurrentElement(record(wires, handler));
    try {
      connection.enableIOEvent(IOEvent.WRITE);
    } catch (IOException e) {
      connection.closeSilently(); // its queue's close fails the record, once
    }
  }

  /* Lets go of the socket; whatever others queued meanwhile is Grizzly's to write. */
  private void release(int bytes) {
    if (queue.releaseSpaceAndNotify(bytes) != 0) {
      try {
        connection.simulateIOEvent(IOEvent.WRITE);
      } catch (IOException e) {
        connection.closeSilently(); // closing fails what was queued, once each
      }
    }
  }

  /* What is left of {@code wires}, as a record of the queue (its bytes already reserved). */
  @SuppressWarnings("unchecked") // Grizzly's records take raw completion handlers
  private AsyncWriteQueueRecord record(ByteBuffer[] wires, Completion handler) {
    return AsyncWriteQueueRecord.create(connection, bytes(wires), handler, null, null, false);
  }

  /* What is left of {@code wires} as one Grizzly buffer (the written ones are empty). */
  private Buffer bytes(ByteBuffer[] wires) {
    int first = 0;
    while (first < wires.length - 1 && !wires[first].hasRemaining()) {
      first++;
    }
    if (first == wires.length - 1) {
      return new ByteBufferWrapper(wires[first]);
    }
    Buffer[] parts = new Buffer[wires.length - first];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = new ByteBufferWrapper(wires[first + i]);
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
