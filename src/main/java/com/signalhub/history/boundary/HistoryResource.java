package com.signalhub.history.boundary;

import com.signalhub.auth.boundary.Secured;
import com.signalhub.auth.entity.Role;
import com.signalhub.history.control.SignalHistory;
import com.signalhub.platform.ApiError;
import com.signalhub.signal.entity.Signal;
import com.signalhub.signal.entity.SignalFrame;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code GET /api/signals?since=N&limit=M}: the stored signals after seq N, oldest first, in the
 * stream's frame shape. Page on with {@code since=last_seq}.
 */
@Path("signals")
@RequestScoped
public class HistoryResource {

  static final int MAX_LIMIT = 1000;

  @Inject SignalHistory history;

  public record Page(List<SignalFrame> signals, @JsonbProperty("last_seq") long lastSeq) {}

  @GET
  @Secured(Role.SUBSCRIBER)
  @Produces(MediaType.APPLICATION_JSON)
  public Response page(
      @QueryParam("since") @DefaultValue("0") String since,
      @QueryParam("limit") @DefaultValue("100") String limit) {
    long from;
    try {
      from = Long.parseLong(since);
    } catch (NumberFormatException e) {
      return badRequest("since must be an integer", "since");
    }
    if (from < 0) {
      return badRequest("since must be 0 or more", "since");
    }
    Integer count = count(limit);
    if (count == null) {
      return badRequest("limit must be an integer between 1 and " + MAX_LIMIT, "limit");
    }
    return page(history.after(from, count), from);
  }

  /**
   * {@code GET /api/signals/latest?limit=M}: the newest M stored signals, oldest first; {@code
   * last_seq} is where a stream connection resumes from ({@code /?since=last_seq}).
   */
  @GET
  @Path("latest")
  @Secured(Role.SUBSCRIBER)
  @Produces(MediaType.APPLICATION_JSON)
  public Response latest(@QueryParam("limit") @DefaultValue("100") String limit) {
    Integer count = count(limit);
    if (count == null) {
      return badRequest("limit must be an integer between 1 and " + MAX_LIMIT, "limit");
    }
    return page(history.latest(count), 0);
  }

  private static Response page(List<Signal> signals, long since) {
    List<SignalFrame> frames = signals.stream().map(SignalFrame::of).toList();
    long last = frames.isEmpty() ? since : frames.get(frames.size() - 1).seq();
    return Response.ok(new Page(frames, last)).build();
  }

  /** The limit asked for, null when it is not an integer in 1..MAX_LIMIT. */
  private static Integer count(String limit) {
    try {
      int count = Integer.parseInt(limit);
      return count >= 1 && count <= MAX_LIMIT ? count : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Response badRequest(String message, String field) {
    return ApiError.response(400, "invalid_query", message, field);
  }
}
