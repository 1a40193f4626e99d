package com.signalhub.fanout.control;

import java.util.List;
import java.util.function.Consumer;

/** Where one connection's batches go. Its {@link Outbox} has at most one send in flight. */
public interface FrameSink {

  /**
   * Starts writing {@code batches}, in order — as one write where the path allows. {@code done}
   * runs once, possibly on the calling thread before this returns: with null when every byte was
   * handed to the network, else with the failure.
   */
  void send(List<Batch> batches, Consumer<Throwable> done);

  /** How frames travel, for the admin view and the metrics: {@code direct} or {@code tyrus}. */
  String path();
}
