package com.signalhub.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The application's one timer thread, for short tasks at a delay or a fixed rate (close deadlines,
 * the feed's checks). At shutdown the repeating tasks stop and the delayed ones still run, so a
 * close handshake started at shutdown still ends on time.
 */
@ApplicationScoped
public class Scheduler {

  @Resource ManagedThreadFactory threads;

  private ScheduledThreadPoolExecutor timer;

  @PostConstruct
  void start() {
    timer = new ScheduledThreadPoolExecutor(1, threads);
    timer.setRemoveOnCancelPolicy(true); // most close deadlines are cancelled long before they fall
  }

  /** Null once the application is stopping (the timer takes no new task). */
  public ScheduledFuture<?> after(long millis, Runnable task) {
    try {
      return timer.schedule(task, millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      return null;
    }
  }

  public ScheduledFuture<?> every(long millis, Runnable task) {
    return timer.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    timer.shutdown();
  }
}
