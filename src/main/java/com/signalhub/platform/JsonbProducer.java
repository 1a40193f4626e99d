package com.signalhub.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The application's one {@link Jsonb}: thread-safe, built once, closed on undeploy. */
@ApplicationScoped
public class JsonbProducer {

  private static final Logger LOG = Logger.getLogger(JsonbProducer.class.getName());

  public static Jsonb create() {
    return JsonbBuilder.create(new JsonbConfig().withSerializers(new DecimalSerializer()));
  }

  @Produces
  @ApplicationScoped
  Jsonb jsonb() {
    return create();
  }

  void close(@Disposes Jsonb jsonb) {
    try {
      jsonb.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "Closing Jsonb failed", e);
    }
  }
}
