package com.signalhub.ingest.boundary;

import com.signalhub.auth.boundary.Secured;
import com.signalhub.auth.entity.Role;
import com.signalhub.ingest.control.IdempotencyKeys;
import com.signalhub.ingest.control.SignalRequestParser;
import com.signalhub.platform.ThrottledLog;
import com.signalhub.signal.control.SignalIntake;
import com.signalhub.signal.entity.Acceptance;
import com.signalhub.signal.entity.InvalidSignalException;
import com.signalhub.signal.entity.Provenance;
import com.signalhub.signal.entity.SignalRequest;
import com.signalhub.signal.entity.SignalSource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /api/signals}: a publisher's signal, stored then broadcast. With an {@code
 * Idempotency-Key}, a retry answers with the signal first stored under that key and broadcasts
 * nothing again. The body is read and checked on the container's worker thread, and stored there
 * too when no other publish is pending; a publish behind another waits on the intake's own threads,
 * so publishers never hold more than one of the workers that upgrades and pongs need.
 */
@Path("signals")
@RequestScoped
public class SignalsResource {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private static final ThrottledLog STORE_FAILED =
      new ThrottledLog(
          Logger.getLogger(SignalsResource.class.getName()), "publishes not stored", 1);

  @Inject SignalIntake intake;

  @Inject PublishExecutor publishes;

  @Inject
  @ConfigProperty(name = "signalhub.http.max-body-bytes")
  int maxBodyBytes;

  @POST
  @Secured(Role.PUBLISHER)
  @Produces(MediaType.APPLICATION_JSON)
  public void publish(
      InputStream body,
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
      @Context SecurityContext caller,
      @Suspended AsyncResponse answer)
      throws IOException {
    IdempotencyKeys.check(IDEMPOTENCY_KEY, idempotencyKey);
    SignalRequest request = SignalRequestParser.parse(BoundedBody.read(body, maxBodyBytes));
    Provenance from =
        new Provenance(SignalSource.HTTP, caller.getUserPrincipal().getName(), idempotencyKey);
    SignalIntake door = intake; // this request-scoped bean may be gone when the task runs
    publishes.submit(answer, () -> store(door, request, from, answer));
  }

  private static void store(
      SignalIntake door, SignalRequest request, Provenance from, AsyncResponse answer) {
    try {
      Acceptance acceptance = door.accept(request, from);
      answer.resume(
          Response.accepted(PublishReceipt.of(acceptance.signal()))
              .header("Idempotent-Replayed", acceptance.duplicate())
              .build());
    } catch (InvalidSignalException e) { // StaleSignalException too
      answer.resume(e); // 400, 422 by their mappers
    } catch (RuntimeException e) {
      Optional<Throwable> database = databaseCause(e); // a lock wait that timed out, a lost link
      if (database.isEmpty()) {
        answer.resume(e); // 500, as a synchronous resource would answer
        return;
      }
      STORE_FAILED.log(Level.WARNING, "A publish was not stored: {0}", database.get().toString());
      answer.resume(
          PublishExecutor.unavailable(
              "store_unavailable",
              "the signal store failed ("
                  + database.get().getClass().getSimpleName()
                  + "); send it again, with an Idempotency-Key so that a retry is stored once"));
    } catch (Error e) {
      answer.resume(e);
      throw e;
    }
  }

  private static Optional<Throwable> databaseCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException) {
        return Optional.of(t);
      }
    }
    return e instanceof PersistenceException || e instanceof TransactionalException
        ? Optional.of(e)
        : Optional.empty();
  }
}
