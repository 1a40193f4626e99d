package com.signalhub.platform;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Makes the HTTP API write JSON with the application's shared {@link Jsonb}. */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

  @Inject Jsonb jsonb;

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
