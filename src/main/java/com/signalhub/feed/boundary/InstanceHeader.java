package com.signalhub.feed.boundary;

import com.signalhub.feed.control.InstanceName;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Every API answer says which instance gave it: {@code X-SignalHub-Instance}. */
@Provider
public class InstanceHeader implements ContainerResponseFilter {

  static final String HEADER = "X-SignalHub-Instance";

  @Inject InstanceName instance;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle(HEADER, instance.name());
  }
}
