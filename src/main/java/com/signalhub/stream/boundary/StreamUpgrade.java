package com.signalhub.stream.boundary;

import com.signalhub.container.UpgradedConnection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the servlet filter learned about one upgrade, on its way to the endpoint that opens for it:
 * the container's side of the connection (direct writes, the request to trim) and the guard reading
 * its input. The filter registers it under an id it passes in a request header only this
 * application sets ({@link #HEADER}: Tyrus builds the handshake's headers from the request the
 * filter hands on); the handshake takes it out of the registry into the connection's user
 * properties, where the endpoint finds it. No thread-local, so it holds whichever threads Tyrus
 * runs these on.
 */
final class StreamUpgrade {

  static final String HEADER = "X-SignalHub-Upgrade";
  static final String PROPERTY = StreamUpgrade.class.getName();

  private static final AtomicLong IDS = new AtomicLong();
  private static final Map<String, StreamUpgrade> PENDING = new ConcurrentHashMap<>();

  final String id = Long.toString(IDS.incrementAndGet());
  private volatile UpgradedConnection connection;
  private volatile GuardedUpgrade guard;

  private StreamUpgrade() {}

  /** A new upgrade, pending until its handshake claims it or the filter lets it go. */
  static StreamUpgrade register() {
    StreamUpgrade upgrade = new StreamUpgrade();
    PENDING.put(upgrade.id, upgrade);
    return upgrade;
  }

  /** The handshake takes the upgrade its request names (null for none, or one not ours). */
  static StreamUpgrade claim(String id) {
    return id == null ? null : PENDING.remove(id);
  }

  /** After the filter chain: an upgrade whose handshake never claimed it (refused) is let go. */
  void release() {
    PENDING.remove(id);
  }

  /** The container's side of the connection, where the fast path is installed. */
  Optional<UpgradedConnection> connection() {
    return Optional.ofNullable(connection);
  }

  /** The container upgraded the connection (the handshake succeeded): before the session opens. */
  void upgraded(GuardedUpgrade guard, Optional<UpgradedConnection> connection) {
    this.guard = guard;
    this.connection = connection.orElse(null);
  }

  /** The guard on its input; set once the container upgraded, before the session opens. */
  GuardedUpgrade guard() {
    return guard;
  }
}
