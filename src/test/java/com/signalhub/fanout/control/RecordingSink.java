package com.signalhub.fanout.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A connection's far side for tests: keeps every write's bytes and parses them back into frames, as
 * a client would. Completes each send at once, or holds it until {@link #complete} when asked.
 */
final class RecordingSink implements FrameSink {

  private final boolean hold;
  private final List<byte[]> writes = new ArrayList<>();
  private final List<Consumer<Throwable>> pending = new ArrayList<>();
  private int frameCount;

  RecordingSink(boolean hold) {
    this.hold = hold;
  }

  static RecordingSink completing() {
    return new RecordingSink(false);
  }

  static RecordingSink holding() {
    return new RecordingSink(true);
  }

  @Override
  public void send(List<Batch> batches, Consumer<Throwable> done) {
    int size = batches.stream().mapToInt(Batch::bytes).sum();
    ByteBuffer all = ByteBuffer.allocate(size);
    batches.forEach(batch -> all.put(batch.wire()));
    synchronized (this) {
      writes.add(all.array());
      frameCount += frames(all.array()).size();
      notifyAll();
      if (hold) {
        pending.add(done);
        return;
      }
    }
    done.accept(null);
  }

  /** Completes the oldest held send. */
  void complete() {
    Consumer<Throwable> done;
    synchronized (this) {
      done = pending.remove(0);
    }
    done.accept(null);
  }

  /** Waits until at least {@code frames} frames were written; false if they were not in time. */
  synchronized boolean awaitFrames(int frames, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    for (long left = timeoutMillis; frameCount < frames && left > 0; ) {
      wait(left);
      left = deadline - System.currentTimeMillis();
    }
    return frameCount >= frames;
  }

  synchronized int writes() {
    return writes.size();
  }

  /** What one write carried, frame by frame: the payload text, or "PING". */
  synchronized List<String> write(int i) {
    return frames(writes.get(i));
  }

  /** Every frame written so far, in order. */
  synchronized List<String> frames() {
    List<String> all = new ArrayList<>();
    writes.forEach(bytes -> all.addAll(frames(bytes)));
    return all;
  }

  /** Parses unmasked server frames (RFC 6455 §5.2): text frames' payloads, pings as "PING". */
  static List<String> frames(byte[] bytes) {
    List<String> frames = new ArrayList<>();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    while (in.hasRemaining()) {
      int opcode = in.get() & 0x0F;
      int length = in.get() & 0x7F;
      if (length == 126) {
        length = in.getShort() & 0xFFFF;
      } else if (length == 127) {
        length = (int) in.getLong();
      }
      byte[] payload = new byte[length];
      in.get(payload);
      frames.add(opcode == 0x9 ? "PING" : new String(payload, StandardCharsets.UTF_8));
    }
    return frames;
  }

  @Override
  public String path() {
    return "direct";
  }
}
