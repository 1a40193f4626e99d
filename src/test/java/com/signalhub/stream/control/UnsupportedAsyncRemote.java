package com.signalhub.stream.control;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import java.nio.ByteBuffer;
import java.util.concurrent.Future;

/** A RemoteEndpoint.Async for tests: every method fails unless a subclass overrides it. */
abstract class UnsupportedAsyncRemote implements RemoteEndpoint.Async {

  @Override
  public long getSendTimeout() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setSendTimeout(long timeoutmillis) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void sendText(String text, SendHandler handler) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Future<Void> sendText(String text) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Future<Void> sendBinary(ByteBuffer data) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void sendBinary(ByteBuffer data, SendHandler handler) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Future<Void> sendObject(Object data) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void sendObject(Object data, SendHandler handler) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setBatchingAllowed(boolean allowed) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean getBatchingAllowed() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void flushBatch() {
    throw new UnsupportedOperationException();
  }

  @Override
  public void sendPing(ByteBuffer applicationData) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void sendPong(ByteBuffer applicationData) {
    throw new UnsupportedOperationException();
  }
}
