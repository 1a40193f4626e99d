package com.signalhub.fanout.control;

import com.signalhub.fanout.entity.Ending;

/** The far end of a connection, as its transport knows it (a WebSocket session). */
public interface ConnectionPeer {

  /** Unique among the open connections of this instance. */
  String id();

  /** Where the client connects from, for the admin view. */
  String remoteAddress();

  /** Tells the client why, and closes; may block on a stuck client, so called off the shards. */
  void close(Ending ending);
}
