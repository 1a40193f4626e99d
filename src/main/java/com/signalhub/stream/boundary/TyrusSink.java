package com.signalhub.stream.boundary;

import com.signalhub.fanout.control.Batch;
import com.signalhub.fanout.control.FrameSink;
import jakarta.websocket.RemoteEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends through the WebSocket API, which frames each text for this connection (TLS connections, or
 * where the direct path is off). Tyrus queues async sends in order; the batch is done when its last
 * frame's send completes, or at its first failure.
 */
final class TyrusSink implements FrameSink {

  private static final ByteBuffer NO_PAYLOAD = ByteBuffer.allocate(0);

  private final RemoteEndpoint.Async remote;

  TyrusSink(RemoteEndpoint.Async remote) {
    this.remote = remote;
  }

  @Override
  public void send(List<Batch> batches, Consumer<Throwable> done) {
    int texts = 0;
    for (Batch batch : batches) {
      texts += batch.frames();
    }
    AtomicInteger pending = new AtomicInteger(texts + 1); // + this call's own
    Consumer<Throwable> each =
        failure -> {
          if (failure != null) {
            if (pending.getAndSet(-1) > 0) {
              done.accept(failure);
            }
          } else if (pending.decrementAndGet() == 0) {
            done.accept(null);
          }
        };
    for (Batch batch : batches) {
      if (batch.isPing()) {
        try {
          remote.sendPing(NO_PAYLOAD.duplicate());
        } catch (IOException e) {
          each.accept(e);
          return;
        }
      } else {
        batch.forEachText(
            text ->
                remote.sendText(
                    text, result -> each.accept(result.isOK() ? null : result.getException())));
      }
    }
    each.accept(null);
  }

  @Override
  public String path() {
    return "tyrus";
  }
}
