package com.signalhub.ingest.boundary;

import com.signalhub.platform.ApiError;
import com.signalhub.signal.entity.StaleSignalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 422: well-formed, but too old (or too far ahead) to act on. */
@Provider
public class StaleSignalMapper implements ExceptionMapper<StaleSignalException> {

  @Override
  public Response toResponse(StaleSignalException e) {
    return ApiError.response(422, "stale_signal", e.getMessage(), e.field());
  }
}
