package com.signalhub.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import java.net.URI;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Non-blocking WebSocket clients on Netty: epoll where available (NIO otherwise), a few event-loop
 * threads for all sockets, small receive buffers, and only the handshake's HTTP response is
 * aggregated (the handshaker removes the aggregator after it).
 */
final class Clients implements AutoCloseable {
  final String transport;
  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final URI url;

  Clients(URI url, int threads, int soRcvBuf) {
    this.url = url;
    boolean epoll = Epoll.isAvailable();
    transport = epoll ? "epoll" : "nio";
    group =
        new MultiThreadIoEventLoopGroup(
            threads, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    bootstrap =
        new Bootstrap()
            .group(group)
            .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
            .option(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator(64, 512, 16384));
    if (soRcvBuf > 0) bootstrap.option(ChannelOption.SO_RCVBUF, soRcvBuf);
  }

  /**
   * Opens client i with tokens[i] at {@code ramp} connects per second; before each it takes a
   * permit of {@code handshakes}, which the run gives back when that client connected or failed.
   */
  void connectAll(WsClient[] clients, String[] tokens, double ramp, Semaphore handshakes)
      throws InterruptedException {
    long t0 = System.nanoTime();
    for (int i = 0; i < clients.length; i++) {
      long at = t0 + Math.round(i * 1e9 / ramp);
      for (long wait; (wait = at - System.nanoTime()) > 0; ) LockSupport.parkNanos(wait);
      handshakes.acquire();
      connect(clients[i], tokens[i]);
    }
  }

  void connect(WsClient client, String token) {
    HttpHeaders headers = new DefaultHttpHeaders().add("Authorization", "Bearer " + token);
    WebSocketClientProtocolConfig config =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(url)
            .customHeaders(headers)
            .maxFramePayloadLength(65536)
            .handshakeTimeoutMillis(30_000)
            .dropPongFrames(true)
            .withUTF8Validator(false)
            .build();
    client.startNanos = System.nanoTime();
    client.attempts++;
    bootstrap
        .clone()
        .handler(
            new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel ch) {
                ch.pipeline()
                    .addLast(new HttpClientCodec(1024, 8192, 4096))
                    .addLast(new HttpObjectAggregator(8192))
                    .addLast(new WebSocketClientProtocolHandler(config))
                    .addLast(client);
              }
            })
        .connect(url.getHost(), Options.port(url))
        .addListener(f -> {
          if (!f.isSuccess()) client.fail(f.cause());
        });
  }

  /** Connects {@code client} again after {@code delayNanos}, on one of the event loops. */
  void reconnect(WsClient client, String token, long delayNanos) {
    group
        .next()
        .schedule(
            () -> {
              client.retrying();
              connect(client, token);
            },
            delayNanos,
            TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
