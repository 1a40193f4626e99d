package com.signalhub.stream.control;

import com.signalhub.stream.entity.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** The stream's own figures: upgrades refused by reason, and replays asked for. */
@ApplicationScoped
public class StreamMetrics {

  @Inject MetricRegistry registry;

  private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);
  private Counter replays;

  @PostConstruct
  void register() {
    for (Refusal refusal : Refusal.values()) {
      refusals.put(
          refusal,
          registry.counter(
              Metadata.builder()
                  .withName("signalhub.refusals")
                  .withDescription("Stream upgrades refused, by reason")
                  .build(),
              new Tag("reason", refusal.label())));
    }
    replays =
        registry.counter(
            Metadata.builder()
                .withName("signalhub.replays")
                .withDescription("Sessions opened with ?since= (replays)")
                .build());
  }

  public void refused(Refusal refusal) {
    refusals.get(refusal).inc();
  }

  public void replayRequested() {
    replays.inc();
  }
}
