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

  /**
   * Once, a while after the connection joined (on its shard's thread): the upgrade is long over,
   * and the transport may let go of what only the handshake needed.
   */
  default void settled() {}
}
