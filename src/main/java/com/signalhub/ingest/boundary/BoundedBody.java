package com.signalhub.ingest.boundary;

import com.signalhub.platform.ApiError;
import jakarta.ws.rs.WebApplicationException;
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
          ApiError.response(
              413, "body_too_large", "body is larger than " + maxBytes + " bytes", "body"));
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
