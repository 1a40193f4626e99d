package com.signalhub.bench;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * One WebSocket client: the last handler of its channel's pipeline. Sharable only in that a client
 * refused with 503/429 connects again with the same handler, on a new channel: never two at once.
 */
@Sharable
final class WsClient extends ChannelInboundHandlerAdapter {
  /** What the run wants to hear from a client. Called on the client's event loop. */
  interface Events {
    void connected(WsClient c, long handshakeNanos);

    void connectFailed(WsClient c, Throwable cause);

    void frame(WsClient c, TextWebSocketFrame frame, long receivedNanos);

    void disconnected(WsClient c);
  }

  final int index;
  final boolean slow;
  final SeqTracker tracker = new SeqTracker();
  private final Events events;
  /** Set just before connecting. */
  volatile long startNanos;
  /** Upgrades tried so far (more than one after a refusal with a retry). */
  volatile int attempts;
  private boolean open;
  private boolean done;
  volatile Channel channel;
  /** The handshake completed (the client may have been disconnected since). */
  volatile boolean connectedOnce;
  /** The largest hand-over-to-receipt latency of a measured frame; written on its event loop. */
  volatile long maxLatencyNanos;

  WsClient(int index, boolean slow, Events events) {
    this.index = index;
    this.slow = slow;
    this.events = events;
  }

  /** Before a new attempt after a refusal: that attempt reports once again. */
  void retrying() {
    channel = null; // the refused attempt's connection no longer speaks for this client
    done = false;
    open = false;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    channel = ctx.channel();
    super.channelActive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
      open = true;
      done = true;
      connectedOnce = true;
      if (slow) ctx.channel().config().setAutoRead(false); // never reads again
      events.connected(this, System.nanoTime() - startNanos);
    } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
      fail(new IllegalStateException("handshake timed out"));
      ctx.close();
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof TextWebSocketFrame) {
        events.frame(this, (TextWebSocketFrame) msg, System.nanoTime());
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(cause);
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (ctx.channel() != channel) {
      return; // a refused attempt's connection, closed by the server after its answer
    }
    if (open) {
      open = false;
      events.disconnected(this);
    } else {
      fail(new IllegalStateException("closed before the handshake completed"));
    }
  }

  /** Reports a failed connect once; a failure after the handshake is left to channelInactive. */
  void fail(Throwable cause) {
    if (!done) {
      done = true;
      events.connectFailed(this, cause);
    }
  }
}
