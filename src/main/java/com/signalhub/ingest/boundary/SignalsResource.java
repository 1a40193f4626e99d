package com.signalhub.ingest.boundary;

import com.signalhub.auth.boundary.Secured;
import com.signalhub.auth.entity.Role;
import com.signalhub.ingest.control.SignalRequestParser;
import com.signalhub.signal.control.SignalIntake;
import com.signalhub.signal.entity.Signal;
import com.signalhub.signal.entity.SignalSource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code POST /api/signals}: a publisher's signal, broadcast to every connection once accepted. */
@Path("signals")
@RequestScoped
public class SignalsResource {

  @Inject SignalIntake intake;

  @Inject
  @ConfigProperty(name = "signalhub.http.max-body-bytes", defaultValue = "4096")
  int maxBodyBytes;

  @POST
  @Secured(Role.PUBLISHER)
  @Produces(MediaType.APPLICATION_JSON)
  public Response publish(InputStream body) throws IOException {
    String json = BoundedBody.read(body, maxBodyBytes);
    Signal signal = intake.accept(SignalRequestParser.parse(json), SignalSource.HTTP);
    return Response.accepted(PublishReceipt.of(signal)).build();
  }
}
