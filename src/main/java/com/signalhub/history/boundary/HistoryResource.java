package com.signalhub.history.boundary;

import com.signalhub.auth.boundary.Secured;
import com.signalhub.auth.entity.Role;
import com.signalhub.history.control.SignalHistory;
import com.signalhub.platform.ApiError;
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
    int count;
    try {
      from = Long.parseLong(since);
      count = Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      return badRequest("since and limit must be integers", "query");
    }
    if (from < 0) {
      return badRequest("since must be 0 or more", "since");
    }
    if (count < 1 || count > MAX_LIMIT) {
      return badRequest("limit must be between 1 and " + MAX_LIMIT, "limit");
    }
    List<SignalFrame> frames = history.after(from, count).stream().map(SignalFrame::of).toList();
    long last = frames.isEmpty() ? from : frames.get(frames.size() - 1).seq();
    return Response.ok(new Page(frames, last)).build();
  }

  private static Response badRequest(String message, String field) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError("invalid_query", message, field))
        .build();
  }
}
