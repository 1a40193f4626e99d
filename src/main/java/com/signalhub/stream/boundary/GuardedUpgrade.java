package com.signalhub.stream.boundary;

import com.signalhub.stream.control.FrameScanner;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;

/**
 * The container's upgrade handler for a stream connection: passes the connection to Tyrus's handler
 * with an input that stops at the header of an oversized frame, and tells the endpoint (which
 * attaches itself when its session opens, through {@link StreamUpgrade}) to close with 1009.
 */
public class GuardedUpgrade implements HttpUpgradeHandler {

  private HttpUpgradeHandler inner;
  private long maxPayload;
  private Runnable onOversize;
  private boolean tripped; // guarded by this

  void guard(HttpUpgradeHandler inner, long maxPayload) {
    this.inner = inner;
    this.maxPayload = maxPayload;
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

  private final class GuardedConnection implements WebConnection {

    private final WebConnection connection;
    private final ServletInputStream input;

    GuardedConnection(WebConnection connection) {
      this.connection = connection;
      try {
        this.input =
            new GuardedInput(
                connection.getInputStream(),
                new FrameScanner(maxPayload),
                GuardedUpgrade.this::trip);
      } catch (IOException e) {
        throw new IllegalStateException("the upgraded connection has no input", e);
      }
    }

    @Override
    public ServletInputStream getInputStream() {
      return input;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      return connection.getOutputStream();
    }

    @Override
    public void close() throws Exception {
      connection.close();
    }
  }
}
