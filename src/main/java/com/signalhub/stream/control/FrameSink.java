package com.signalhub.stream.control;

import java.util.function.Consumer;

/** Where one connection's frames go. A connection's {@link Outbox} sends one frame at a time. */
public interface FrameSink {

  /**
   * Starts sending a frame. {@code done} runs once, possibly on the calling thread before this
   * returns: with null when the frame was handed to the network, else with the failure.
   */
  void send(WireFrame frame, Consumer<Throwable> done);

  /** How frames travel, for the admin view: {@code tyrus} or {@code direct}. */
  String path();

  /**
   * Cuts the connection without a close handshake: for one the server closed whose client never
   * finished the handshake (a client that does not read never even sees the close frame).
   */
  default void abort() {}
}
