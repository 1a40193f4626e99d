package com.signalhub.stream.control;

import jakarta.websocket.RemoteEndpoint;
import java.util.function.Consumer;

/** Sends through the WebSocket API: Tyrus frames the text for this connection. */
public final class TyrusSink implements FrameSink {

  private final RemoteEndpoint.Async remote;

  public TyrusSink(RemoteEndpoint.Async remote) {
    this.remote = remote;
  }

  @Override
  public void send(WireFrame frame, Consumer<Throwable> done) {
    remote.sendText(
        frame.text(), result -> done.accept(result.isOK() ? null : result.getException()));
  }

  @Override
  public String path() {
    return "tyrus";
  }
}
