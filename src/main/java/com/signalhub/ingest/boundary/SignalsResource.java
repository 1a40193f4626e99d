package com.signalhub.ingest.boundary;

import com.signalhub.auth.boundary.Secured;
import com.signalhub.auth.entity.Role;
import com.signalhub.ingest.control.IdempotencyKeys;
import com.signalhub.ingest.control.SignalRequestParser;
import com.signalhub.signal.control.SignalIntake;
import com.signalhub.signal.entity.Acceptance;
import com.signalhub.signal.entity.Provenance;
import com.signalhub.signal.entity.SignalSource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /api/signals}: a publisher's signal, stored then broadcast. With an {@code
 * Idempotency-Key}, a retry answers with the signal first stored under that key and broadcasts
 * nothing again.
 */
@Path("signals")
@RequestScoped
public class SignalsResource {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  @Inject SignalIntake intake;

  @Inject
  @ConfigProperty(name = "signalhub.http.max-body-bytes", defaultValue = "4096")
  int maxBodyBytes;

  @POST
  @Secured(Role.PUBLISHER)
  @Produces(MediaType.APPLICATION_JSON)
  public Response publish(
      InputStream body,
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
      @Context SecurityContext caller)
      throws IOException {
    IdempotencyKeys.check(IDEMPOTENCY_KEY, idempotencyKey);
    String json = BoundedBody.read(body, maxBodyBytes);
    Provenance from =
        new Provenance(SignalSource.HTTP, caller.getUserPrincipal().getName(), idempotencyKey);
    Acceptance acceptance = intake.accept(SignalRequestParser.parse(json), from);
    return Response.accepted(PublishReceipt.of(acceptance.signal()))
        .header("Idempotent-Replayed", acceptance.duplicate())
        .build();
  }
}
