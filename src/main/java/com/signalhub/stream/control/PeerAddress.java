package com.signalhub.stream.control;

import jakarta.websocket.Session;
import org.glassfish.tyrus.core.TyrusSession;

/** The remote IP of a stream connection, for logs and the admin API (the Jakarta API has none). */
public final class PeerAddress {

  private PeerAddress() {}

  /** The peer's address as Tyrus saw it at the upgrade, or "unknown" on another runtime. */
  public static String of(Session session) {
    if (session instanceof TyrusSession tyrus && tyrus.getRemoteAddr() != null) {
      return tyrus.getRemoteAddr();
    }
    return "unknown";
  }
}
