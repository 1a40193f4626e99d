package com.signalhub.auth.boundary;

import com.signalhub.auth.control.TokenCache;
import com.signalhub.auth.control.TokenRegistry;
import com.signalhub.auth.entity.IssuedToken;
import com.signalhub.auth.entity.Role;
import com.signalhub.auth.entity.TokenConflictException;
import com.signalhub.auth.entity.TokenView;
import com.signalhub.platform.ApiError;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code /api/admin/tokens} (admin token): create a token (its secret is in that answer only), list
 * tokens (never secrets), revoke one by name — its open sessions close within about a second.
 */
@Path("admin/tokens")
@RequestScoped
@Secured(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

  private static final Logger LOG = Logger.getLogger(TokensResource.class.getName());
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public record CreateRequest(
      String name, String role, @JsonbProperty("expires_in_seconds") Long expiresInSeconds) {}

  @Inject TokenRegistry registry;

  @Inject TokenCache cache;

  @Inject Jsonb jsonb;

  @GET
  public List<TokenView> list() {
    return registry.list();
  }

  @POST
  public Response create(String body) {
    CreateRequest request;
    try {
      request = body == null || body.isBlank() ? null : jsonb.fromJson(body, CreateRequest.class);
    } catch (JsonbException e) {
      return invalid("body is not a JSON object {name, role, expires_in_seconds}", "body");
    }
    if (request == null || request.name() == null || !NAME.matcher(request.name()).matches()) {
      return invalid("name is required: 1 to 64 of A-Z a-z 0-9 . _ -", "name");
    }
    Role role = Role.fromConfigName(String.valueOf(request.role())).orElse(null);
    if (role == null) {
      return invalid("role must be subscriber, publisher or admin", "role");
    }
    Long ttl = request.expiresInSeconds();
    if (ttl != null && ttl <= 0) {
      return invalid(
          "expires_in_seconds must be positive (or absent: no expiry)", "expires_in_seconds");
    }
    try {
      IssuedToken issued =
          registry.create(
              request.name(), role, ttl == null ? null : Instant.now().plusSeconds(ttl));
      cache.refreshQuietly(); // usable here at once, elsewhere within the refresh interval
      LOG.log(
          Level.INFO, "Token {0} ({1}) created", new Object[] {request.name(), role.configName()});
      return Response.status(Response.Status.CREATED)
          .header("Cache-Control", "no-store")
          .entity(issued)
          .build();
    } catch (TokenConflictException e) {
      return ApiError.response(409, "token_exists", e.getMessage(), "name");
    }
  }

  @DELETE
  @Path("{name}")
  public Response revoke(@PathParam("name") String name) {
    return registry
        .revoke(name)
        .map(
            view -> {
              LOG.log(Level.INFO, "Token {0} revoked", name);
              cache.refreshQuietly(); // refused here at once, its sessions closing with it
              return Response.ok(view).build();
            })
        .orElseGet(() -> ApiError.response(404, "no_such_token", "no token named " + name, "name"));
  }

  private static Response invalid(String message, String field) {
    return ApiError.response(400, "invalid_request", message, field);
  }
}
