package com.signalhub.container;

import com.signalhub.fanout.control.FrameSink;
import jakarta.websocket.Session;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.asyncqueue.AsyncQueueWriter;

/**
 * The container's connection under one plain (not TLS) stream upgrade, found by {@link DirectPath}:
 * what frames are written straight to once the session is open.
 */
public final class DirectConnection {

  private final Connection<?> connection;
  private final AsyncQueueWriter<?> writer;

  DirectConnection(Connection<?> connection, AsyncQueueWriter<?> writer) {
    this.connection = connection;
    this.writer = writer;
  }

  /** The sink that writes this session's frames to the connection. */
  public FrameSink sink(Session session) {
    return new GrizzlySink(connection, writer, session);
  }
}
