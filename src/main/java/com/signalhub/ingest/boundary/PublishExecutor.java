package com.signalhub.ingest.boundary;

import com.signalhub.ingest.control.PublishQueue;
import com.signalhub.platform.ApiError;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The intake's threads for HTTP publishes: two, since the intake stores one signal at a time (the
 * second only hands over the next signal the moment the first is stored), and its own, so publishes
 * never queue behind replays or health probes on the default executor. Only publishes behind
 * another come here (the first is stored on its worker thread). A publish it cannot take is
 * answered 503 at once; one still waiting when the application stops, 503 too.
 */
@ManagedExecutorDefinition(name = PublishExecutor.NAME, maxAsync = 2)
@ApplicationScoped
public class PublishExecutor {

  static final String NAME = "java:app/concurrent/signalhub-publishes";

  @Resource(lookup = NAME)
  ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "signalhub.http.max-pending-publishes")
  int maxPending;

  @Inject MetricRegistry registry;

  private PublishQueue<AsyncResponse> queue;
  private Counter refused;

  /** At deployment, so the refusal counter reads 0 before the first publish. */
  void startAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object ignored) {}

  @PostConstruct
  void start() {
    queue = new PublishQueue<>(executor, maxPending);
    refused =
        registry.counter(
            Metadata.builder()
                .withName("signalhub.publishes.refused")
                .withDescription("HTTP publishes refused before storing, by reason")
                .build(),
            new Tag("reason", "busy"));
    registry.gauge(
        Metadata.builder()
            .withName("signalhub.publishes.pending")
            .withDescription("HTTP publishes waiting to be stored, or being stored")
            .build(),
        queue::pending);
  }

  /** Stores the signal now or on the intake's threads, or answers 503 at once if too many wait. */
  void submit(AsyncResponse answer, Runnable store) {
    if (!queue.offer(answer, store)) {
      refused.inc();
      answer.resume(
          unavailable(
              "busy",
              queue.maxPending()
                  + " publishes are waiting to be stored; nothing was stored,"
                  + " send it again"));
    }
  }

  @PreDestroy
  void stop() {
    for (AsyncResponse answer : queue.withdrawNotStarted()) {
      answer.resume(
          unavailable("stopping", "the server is stopping; nothing was stored, send it again"));
    }
  }

  static Response unavailable(String error, String message) {
    return Response.fromResponse(ApiError.response(503, error, message, null))
        .header(HttpHeaders.RETRY_AFTER, 1)
        .build();
  }
}
