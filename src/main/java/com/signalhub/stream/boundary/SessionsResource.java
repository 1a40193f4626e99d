package com.signalhub.stream.boundary;

import com.signalhub.auth.boundary.Secured;
import com.signalhub.auth.entity.Role;
import com.signalhub.fanout.control.Connection;
import com.signalhub.fanout.control.FanOut;
import com.signalhub.fanout.entity.Disconnect;
import com.signalhub.feed.control.InstanceName;
import com.signalhub.platform.ApiError;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/admin/sessions} (admin token): this instance's open stream sessions with what waits
 * to be sent to each; {@code DELETE /api/admin/sessions/{id}} disconnects one, {@code DELETE
 * /api/admin/sessions?token=name} all of a token's (1008).
 */
@Path("admin/sessions")
@RequestScoped
@Secured(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

  public record SessionView(
      String id,
      String token,
      @JsonbProperty("remote_address") String remoteAddress,
      @JsonbProperty("opened_at") Instant openedAt,
      @JsonbProperty("frames_sent") long framesSent,
      @JsonbProperty("queued_frames") int queuedFrames,
      @JsonbProperty("queued_bytes") long queuedBytes,
      @JsonbProperty("send_path") String sendPath,
      boolean settled,
      String instance) {

    static SessionView of(Connection s, String instance) {
      return new SessionView(
          s.id(),
          s.tokenName(),
          s.peer().remoteAddress(),
          s.openedAt(),
          s.outbox().framesSent(),
          s.outbox().queuedFrames(),
          s.outbox().queuedBytes(),
          s.outbox().sendPath(),
          s.settled(),
          instance);
    }
  }

  @Inject FanOut fanOut;

  @Inject InstanceName instance;

  @GET
  public List<SessionView> list() {
    return fanOut.all().stream()
        .map(session -> SessionView.of(session, instance.name()))
        .sorted(Comparator.comparing(SessionView::openedAt))
        .toList();
  }

  /** {@code DELETE /api/admin/sessions?token=name}: every session of one token on this instance. */
  @DELETE
  public Response disconnectToken(@QueryParam("token") String token) {
    if (token == null || token.isBlank()) {
      return ApiError.response(400, "invalid_query", "token is required", "token");
    }
    long sessions = fanOut.all().stream().filter(s -> s.tokenName().equals(token)).count();
    fanOut.dropTokens(Set.of(token), Disconnect.ADMIN.ending());
    return Response.ok(new Disconnected(token, sessions)).build();
  }

  public record Disconnected(String token, long sessions) {}

  @DELETE
  @Path("{id}")
  public Response disconnect(@PathParam("id") String id) {
    return fanOut
        .byId(id)
        .map(
            connection -> {
              fanOut.drop(connection, Disconnect.ADMIN.ending());
              return Response.noContent().build();
            })
        .orElseGet(() -> ApiError.response(404, "no_such_session", "no open session " + id, "id"));
  }
}
