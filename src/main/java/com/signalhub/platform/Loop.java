package com.signalhub.platform;

import jakarta.enterprise.concurrent.ManagedThreadFactory;

/**
 * A managed thread that runs one step again and again until stopped: started at deployment, stopped
 * at undeployment, when it is interrupted out of whatever wait it is in.
 */
public final class Loop {

  private final String name;
  private volatile boolean running;
  private Thread thread;

  public Loop(String name) {
    this.name = name;
  }

  /** Runs {@code step} over and over on a new thread of {@code threads}, until {@link #stop}. */
  public synchronized void start(ManagedThreadFactory threads, Runnable step) {
    running = true;
    thread =
        threads.newThread(
            () -> {
              while (running) {
                step.run();
              }
            });
    thread.setName(name);
    thread.start();
  }

  public boolean running() {
    return running;
  }

  public synchronized void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** Waits {@code ms}, less if interrupted (the interrupt stays set for the caller to see). */
  public static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
