package com.signalhub.auth.boundary;

import com.signalhub.auth.control.TicketBooth;
import com.signalhub.auth.entity.Role;
import com.signalhub.auth.entity.TokenPrincipal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;

/**
 * {@code POST /api/tickets} (any valid token): a single-use ticket for {@code /?ticket=...}, valid
 * for {@code signalhub.tickets.ttl-seconds} — how a browser, which cannot set an Authorization
 * header on a WebSocket, opens the stream.
 */
@Path("tickets")
@RequestScoped
public class TicketsResource {

  public record TicketAnswer(
      String ticket,
      @JsonbProperty("expires_at") Instant expiresAt,
      @JsonbProperty("expires_in_seconds") long expiresInSeconds) {}

  @Inject TicketBooth booth;

  @POST
  @Secured(Role.SUBSCRIBER)
  @Produces(MediaType.APPLICATION_JSON)
  public Response issue(@Context SecurityContext caller) {
    TicketBooth.Ticket ticket = booth.issue((TokenPrincipal) caller.getUserPrincipal());
    return Response.status(Response.Status.CREATED)
        .header("Cache-Control", "no-store")
        .entity(new TicketAnswer(ticket.ticket(), ticket.expiresAt(), booth.ttlSeconds()))
        .build();
  }
}
