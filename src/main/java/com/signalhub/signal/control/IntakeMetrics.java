package com.signalhub.signal.control;

import com.signalhub.signal.entity.SignalSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Signals accepted, by source ({@code signalhub_signals_accepted_total{source}}). */
@ApplicationScoped
public class IntakeMetrics {

  @Inject MetricRegistry registry;

  private final Map<SignalSource, Counter> accepted = new EnumMap<>(SignalSource.class);

  @PostConstruct
  void register() {
    for (SignalSource source : SignalSource.values()) {
      accepted.put(
          source,
          registry.counter(
              Metadata.builder()
                  .withName("signalhub.signals.accepted")
                  .withDescription("Signals accepted, by source")
                  .build(),
              new Tag("source", source.name().toLowerCase(Locale.ROOT))));
    }
  }

  /** A signal stored and handed to the feed (not an idempotent replay). */
  void accepted(SignalSource source) {
    accepted.get(source).inc();
  }
}
