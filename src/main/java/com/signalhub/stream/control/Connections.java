package com.signalhub.stream.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The open stream connections, each with its own {@link Outbox}. */
@ApplicationScoped
public class Connections {

  private static final Logger LOG = Logger.getLogger(Connections.class.getName());

  @Inject
  @ConfigProperty(name = "signalhub.stream.max-queued-frames", defaultValue = "1000")
  int maxQueuedFrames;

  @Resource ManagedExecutorService executor;

  private final Map<String, Entry> open = new ConcurrentHashMap<>();

  private record Entry(Session session, Outbox outbox) {}

  public Outbox register(Session session) {
    Outbox outbox =
        new Outbox(
            session.getAsyncRemote(), maxQueuedFrames, (failed, reason) -> drop(session, reason));
    open.put(session.getId(), new Entry(session, outbox));
    return outbox;
  }

  public void unregister(Session session) {
    open.remove(session.getId());
  }

  public Optional<Outbox> outboxOf(Session session) {
    return Optional.ofNullable(open.get(session.getId())).map(Entry::outbox);
  }

  /** Queues one already-encoded frame on every open connection. */
  public void broadcast(String frame) {
    for (Entry entry : open.values()) {
      entry.outbox().offer(frame);
    }
  }

  public int count() {
    return open.size();
  }

  /* Closing writes a close frame, which may block on a stuck client: never on the caller's thread. */
  private void drop(Session session, CloseReason reason) {
    open.remove(session.getId());
    LOG.log(
        Level.INFO,
        "Dropping connection {0}: {1}",
        new Object[] {session.getId(), reason.getReasonPhrase()});
    executor.execute(() -> closeQuietly(session, reason));
  }

  private static void closeQuietly(Session session, CloseReason reason) {
    try {
      if (session.isOpen()) {
        session.close(reason);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Closing connection " + session.getId() + " failed", e);
    }
  }
}
