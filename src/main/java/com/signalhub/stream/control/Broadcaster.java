package com.signalhub.stream.control;

import com.signalhub.signal.entity.Signal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes every accepted signal to every open connection: encoded once, queued on each connection in
 * acceptance order (see SignalIntake for why the event is observed synchronously).
 */
@ApplicationScoped
public class Broadcaster {

  private static final Logger LOG = Logger.getLogger(Broadcaster.class.getName());

  @Inject Frames frames;

  @Inject Connections connections;

  void onAccepted(@Observes Signal signal) {
    long accepted = System.nanoTime();
    try {
      connections.broadcast(signal.seq(), frames.signal(signal), accepted);
    } catch (RuntimeException e) {
      // An accepted signal must never be refused to its publisher because a push failed.
      LOG.log(Level.SEVERE, "Broadcasting signal " + signal.seq() + " failed", e);
    }
  }
}
