package com.signalhub.auth.boundary;

import com.signalhub.auth.control.BearerCredentials;
import com.signalhub.auth.control.TokenStore;
import com.signalhub.auth.entity.Role;
import com.signalhub.auth.entity.TokenPrincipal;
import com.signalhub.platform.ApiError;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

/** 401 without a known bearer token, 403 with a token of the wrong role. */
@Provider
@Secured(Role.SUBSCRIBER)
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter implements ContainerRequestFilter {

  @Inject TokenStore tokens;

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    List<String> headers = request.getHeaders().getOrDefault(HttpHeaders.AUTHORIZATION, List.of());
    Optional<TokenPrincipal> principal =
        headers.size() == 1
            ? BearerCredentials.secretOf(headers.get(0)).flatMap(tokens::authenticate)
            : Optional.empty();
    if (principal.isEmpty()) {
      request.abortWith(
          error(Response.Status.UNAUTHORIZED, "unauthorized", "a valid bearer token is required")
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"signal-hub\"")
              .build());
      return;
    }
    Role required = requiredRole();
    if (!principal.get().role().permits(required)) {
      request.abortWith(
          error(
                  Response.Status.FORBIDDEN,
                  "forbidden",
                  "this needs a " + required.configName() + " token")
              .build());
      return;
    }
    request.setSecurityContext(new TokenSecurityContext(principal.get(), request));
  }

  private Role requiredRole() {
    Method method = resource.getResourceMethod();
    Secured secured = method.getAnnotation(Secured.class);
    if (secured == null) {
      secured = resource.getResourceClass().getAnnotation(Secured.class);
    }
    return secured.value();
  }

  private static Response.ResponseBuilder error(
      Response.Status status, String code, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(code, message, null));
  }

  private record TokenSecurityContext(TokenPrincipal principal, ContainerRequestContext request)
      implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
      return principal.role().configName().equals(role);
    }

    @Override
    public boolean isSecure() {
      return request.getSecurityContext().isSecure();
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
