package com.signalhub.fanout.control;

import com.signalhub.fanout.entity.Disconnect;

/** What the engine counts as it goes (FanOutMetrics publishes it). */
public interface Meters {

  /** Counts nothing: for tests. */
  Meters NONE = new Meters() {};

  default void opened(String path) {}

  default void left(String path) {}

  default void sent(int frames) {}

  default void disconnected(Disconnect why) {}

  /** One signal reached every connection it was offered to, this long after its acceptance. */
  default void broadcast(long nanos) {}
}
