package com.signalhub.stream.boundary;

import com.signalhub.fanout.control.ConnectionPeer;
import com.signalhub.fanout.entity.Ending;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.tyrus.core.TyrusSession;

/** A WebSocket session as the fan-out sees its far end. */
final class SessionPeer implements ConnectionPeer {

  private static final Logger LOG = Logger.getLogger(SessionPeer.class.getName());

  static final Runnable NOTHING = () -> {};

  private final Session session;
  private final Runnable settled;

  /**
   * @param settled what to let go of once the session has settled (the container's trim)
   */
  SessionPeer(Session session, Runnable settled) {
    this.session = session;
    this.settled = settled;
  }

  @Override
  public void settled() {
    settled.run();
  }

  @Override
  public String id() {
    return session.getId();
  }

  /** The peer's address as Tyrus saw it at the upgrade, or "unknown" on another runtime. */
  @Override
  public String remoteAddress() {
    if (session instanceof TyrusSession tyrus && tyrus.getRemoteAddr() != null) {
      return tyrus.getRemoteAddr();
    }
    return "unknown";
  }

  @Override
  public void close(Ending ending) {
    try {
      if (session.isOpen()) {
        session.close(ending.closeReason());
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing connection " + session.getId() + " failed", e);
    }
  }
}
