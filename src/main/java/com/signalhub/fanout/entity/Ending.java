package com.signalhub.fanout.entity;

import jakarta.websocket.CloseReason;

/** How one connection ends: the kind, and the reason text the client reads (details filled in). */
public record Ending(Disconnect disconnect, String reason) {

  public CloseReason closeReason() {
    return new CloseReason(CloseReason.CloseCodes.getCloseCode(disconnect.code()), reason);
  }
}
