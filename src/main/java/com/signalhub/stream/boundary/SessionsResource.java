package com.signalhub.stream.boundary;

import com.signalhub.auth.boundary.Secured;
import com.signalhub.auth.entity.Role;
import com.signalhub.platform.ApiError;
import com.signalhub.stream.control.Connections;
import com.signalhub.stream.control.PeerAddress;
import com.signalhub.stream.control.Subscriber;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
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
      @JsonbProperty("send_path") String sendPath) {

    static SessionView of(Subscriber s) {
      return new SessionView(
          s.session().getId(),
          s.tokenName(),
          PeerAddress.of(s.session()),
          s.openedAt(),
          s.outbox().framesSent(),
          s.outbox().queuedFrames(),
          s.outbox().queuedBytes(),
          s.outbox().sendPath());
    }
  }

  @Inject Connections connections;

  @GET
  public List<SessionView> list() {
    return connections.all().stream()
        .map(SessionView::of)
        .sorted(Comparator.comparing(SessionView::openedAt))
        .toList();
  }

  /** {@code DELETE /api/admin/sessions?token=name}: every session of one token on this instance. */
  @DELETE
  public Response disconnectToken(@QueryParam("token") String token) {
    if (token == null || token.isBlank()) {
      return ApiError.response(400, "invalid_query", "token is required", "token");
    }
    long sessions = connections.all().stream().filter(s -> s.tokenName().equals(token)).count();
    connections.dropTokens(
        Set.of(token),
        new CloseReason(CloseCodes.VIOLATED_POLICY, "disconnected by an administrator"));
    return Response.ok(new Disconnected(token, sessions)).build();
  }

  public record Disconnected(String token, long sessions) {}

  @DELETE
  @Path("{id}")
  public Response disconnect(@PathParam("id") String id) {
    return connections
        .byId(id)
        .map(
            subscriber -> {
              connections.drop(
                  subscriber.session(),
                  new CloseReason(CloseCodes.VIOLATED_POLICY, "disconnected by an administrator"));
              return Response.noContent().build();
            })
        .orElseGet(() -> ApiError.response(404, "no_such_session", "no open session " + id, "id"));
  }
}
