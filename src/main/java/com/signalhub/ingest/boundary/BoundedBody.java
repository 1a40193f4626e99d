package com.signalhub.ingest.boundary;

import com.signalhub.platform.ApiError;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body as UTF-8, refusing (413) one larger than the limit without reading it all.
 */
final class BoundedBody {

  private BoundedBody() {}

  static String read(InputStream body, int maxBytes) throws IOException {
    byte[] bytes = body.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw new WebApplicationException(
          Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(
                  new ApiError(
                      "body_too_large", "body is larger than " + maxBytes + " bytes", "body"))
              .build());
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
