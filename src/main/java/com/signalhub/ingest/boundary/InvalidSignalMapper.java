package com.signalhub.ingest.boundary;

import com.signalhub.platform.ApiError;
import com.signalhub.signal.entity.InvalidSignalException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 with a JSON body naming the field at fault. */
@Provider
public class InvalidSignalMapper implements ExceptionMapper<InvalidSignalException> {

  @Override
  public Response toResponse(InvalidSignalException e) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError("invalid_signal", e.getMessage(), e.field()))
        .build();
  }
}
