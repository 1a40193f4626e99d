package com.signalhub.stream.boundary;

import com.signalhub.container.UpgradedConnection;
import com.signalhub.stream.control.FrameScanner;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.util.Optional;

/**
 * The container's upgrade handler for a stream connection: passes the connection to Tyrus's handler
 * with an input that stops at the header of an oversized frame, and tells the endpoint (which
 * attaches itself when its session opens, through {@link StreamUpgrade}) to close with 1009. When
 * Tyrus closes the connection after its close frame, the close is carried out by a {@link
 * CloseHandshake}, so that the close frame reaches the client.
 */
public class GuardedUpgrade implements HttpUpgradeHandler {

  private HttpUpgradeHandler inner;
  private long maxPayload;
  private CloseLinger linger;
  private UpgradedConnection upgraded; // null where the container's side is not reachable
  private Runnable onOversize;
  private boolean tripped; // guarded by this

  void guard(
      HttpUpgradeHandler inner,
      long maxPayload,
      CloseLinger linger,
      Optional<UpgradedConnection> connection) {
    this.inner = inner;
    this.maxPayload = maxPayload;
    this.linger = linger;
    this.upgraded = connection.orElse(null);
  }

  /** Tyrus's own handler, which this one drives. */
  HttpUpgradeHandler upgradeHandler() {
    return inner;
  }

  /** What to do when the client sends an oversized frame (called once, maybe at once). */
  void onOversize(Runnable action) {
    boolean already;
    synchronized (this) {
      onOversize = action;
      already = tripped;
    }
    if (already) {
      action.run();
    }
  }

  @Override
  public void init(WebConnection connection) {
    inner.init(new GuardedConnection(connection));
  }

  @Override
  public void destroy() {
    inner.destroy();
  }

  private void trip() {
    Runnable action;
    synchronized (this) {
      tripped = true;
      action = onOversize;
    }
    if (action != null) {
      action.run();
    }
  }

  private static CloseHandshake.Wire wireOf(UpgradedConnection connection) {
    return new CloseHandshake.Wire() {
      @Override
      public void halfCloseWhenWritten() {
        connection.halfCloseWhenWritten();
      }

      @Override
      public void reset() {
        connection.reset();
      }
    };
  }

  private final class GuardedConnection implements WebConnection {

    private final WebConnection connection;
    private final CloseHandshake handshake;
    private final GuardedInput input;
    private final ServletOutputStream output;

    GuardedConnection(WebConnection connection) {
      this.connection = connection;
      this.handshake =
          new CloseHandshake(
              this::closeNow,
              upgraded == null ? CloseHandshake.Wire.NONE : wireOf(upgraded),
              linger::after);
      if (upgraded != null) {
        upgraded.onClosed(handshake::clientDone); // a reset by the client, or any other end
      }
      try {
        this.input =
            new GuardedInput(
                connection.getInputStream(),
                new FrameScanner(maxPayload),
                GuardedUpgrade.this::trip,
                handshake::clientDone);
        this.output = new GuardedOutput(connection.getOutputStream(), handshake::closeFrameFlushed);
      } catch (IOException e) {
        throw new IllegalStateException("the upgraded connection has no input or output", e);
      }
    }

    @Override
    public ServletInputStream getInputStream() {
      return input;
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return output;
    }

    /** Tyrus closes the connection: right after its close frame, or once the client's ended. */
    @Override
    public void close() {
      input.discard();
      if (input.clientDone()) {
        handshake.clientDone();
      }
      handshake.serverClosing();
    }

    private void closeNow() {
      try {
        connection.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
