package com.signalhub.ingest.boundary;

import com.signalhub.platform.ApiError;
import com.signalhub.signal.entity.InvalidSignalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 with a JSON body naming the field at fault. */
@Provider
public class InvalidSignalMapper implements ExceptionMapper<InvalidSignalException> {

  @Override
  public Response toResponse(InvalidSignalException e) {
    return ApiError.response(400, "invalid_signal", e.getMessage(), e.field());
  }
}
