package com.signalhub.container;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.util.CharChunk;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.http.util.Parameters;

/**
 * After an upgrade the container keeps its HTTP request and response for the session's life, and
 * Tyrus keeps the handshake: most of an idle session's heap (bench/RESULTS.md). Once the session
 * has settled nothing reads them again — Tyrus copied the headers and parameters at the handshake,
 * and frames only pass the request's input and output buffers — so this lets go of the parts that
 * are pure weight: the parameter parser's two 1,024-character scratch buffers, the request's and
 * the response's header fields, and Tyrus's handshake record. What stays is what the connection's
 * close and the request's recycling touch.
 */
final class RequestTrim {

  private static final Logger LOG = Logger.getLogger(RequestTrim.class.getName());

  private final Field nameScratch;
  private final Field valueScratch;
  private final Field charBuffer;
  private final Field headerFields;
  private final Field headerCount;
  private final Map<Class<?>, Field> handshakes = new ConcurrentHashMap<>();

  private RequestTrim(
      Field nameScratch,
      Field valueScratch,
      Field charBuffer,
      Field headerFields,
      Field headerCount) {
    this.nameScratch = nameScratch;
    this.valueScratch = valueScratch;
    this.charBuffer = charBuffer;
    this.headerFields = headerFields;
    this.headerCount = headerCount;
  }

  static RequestTrim resolve() throws NoSuchFieldException {
    return new RequestTrim(
        DirectPath.field(Parameters.class, "tmpNameC"),
        DirectPath.field(Parameters.class, "tmpValueC"),
        DirectPath.field(CharChunk.class, "buff"),
        DirectPath.field(MimeHeaders.class, "headers"),
        DirectPath.field(MimeHeaders.class, "count"));
  }

  void trim(Request request, Object upgradeHandler) {
    try {
      Parameters parameters = request.getParameters();
      charBuffer.set(nameScratch.get(parameters), null); // allocated again if ever needed
      charBuffer.set(valueScratch.get(parameters), null);
      empty(request.getRequest().getHeaders());
      empty(request.getResponse().getResponse().getHeaders());
      if (upgradeHandler != null) {
        Field handshake =
            handshakes.computeIfAbsent(upgradeHandler.getClass(), RequestTrim::handshakeOf);
        if (handshake != null) {
          handshake.set(upgradeHandler, null);
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "An upgraded request was not trimmed", e);
    }
  }

  /* No header fields: the array that held them is one empty slot (MimeHeaders grows it). */
  private void empty(MimeHeaders headers) throws IllegalAccessException {
    headerFields.set(headers, Array.newInstance(headerFields.getType().getComponentType(), 1));
    headerCount.setInt(headers, 0);
  }

  /* Tyrus's handler keeps its UpgradeInfo (the handshake request, headers and all) after init. */
  private static Field handshakeOf(Class<?> handler) {
    try {
      return DirectPath.field(handler, "upgradeInfo");
    } catch (NoSuchFieldException e) {
      return null;
    }
  }
}
