package com.signalhub.stream.boundary;

import com.signalhub.ops.control.HubMetrics;
import com.signalhub.stream.control.Admission;
import com.signalhub.stream.control.Connections;
import com.signalhub.stream.control.FrameSink;
import com.signalhub.stream.control.Frames;
import com.signalhub.stream.control.InboundRate;
import com.signalhub.stream.control.PeerAddress;
import com.signalhub.stream.control.Replayer;
import com.signalhub.stream.control.Subscriber;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The signal stream at {@code ws(s)://host:port/}, or {@code /?since=N} to first replay what was
 * stored after seq N. One instance per connection; only admitted upgrades reach it (see {@link
 * StreamHandshake}), and made by it.
 */
@ServerEndpoint(value = "/", configurator = StreamHandshake.class)
public class SignalSocket {

  private static final Logger LOG = Logger.getLogger(SignalSocket.class.getName());
  private static final int ECHO_LIMIT = 64;

  private final Connections connections;
  private final Frames frames;
  private final Replayer replayer;
  private final HubMetrics metrics;
  private final int maxInboundBytes;
  private final int maxInboundPerSecond;

  private Admission admission;
  private InboundRate inboundRate;

  /**
   * For a container that instantiates endpoints itself; Signal Hub's are made by {@link
   * StreamHandshake#getEndpointInstance}.
   */
  public SignalSocket() {
    this(StreamServices.current());
  }

  SignalSocket(StreamServices services) {
    this.connections = services.connections();
    this.frames = services.frames();
    this.replayer = services.replayer();
    this.metrics = services.metrics();
    this.maxInboundBytes = services.maxInboundBytes();
    this.maxInboundPerSecond = services.maxInboundPerSecond();
  }

  @OnOpen
  public void open(Session session, EndpointConfig config) throws IOException {
    admission = (Admission) config.getUserProperties().get(StreamHandshake.ADMISSION);
    if (admission == null) {
      session.close(new CloseReason(CloseCodes.VIOLATED_POLICY, "not authenticated"));
      return;
    }
    admission.claim();
    IdleTimerOff.apply(session);
    GuardedUpgrade upgrade = GuardedUpgrade.opening();
    if (upgrade != null) {
      upgrade.onOversize(() -> refuseOversized(session));
    }
    inboundRate = new InboundRate(maxInboundPerSecond, System.nanoTime());
    session.setMaxTextMessageBufferSize(maxInboundBytes);
    OptionalLong since = since(session);
    if (since == null) {
      session.close(
          new CloseReason(CloseCodes.VIOLATED_POLICY, "since must be a non-negative integer"));
      return;
    }
    FrameSink sink =
        DirectWrites.sink(upgrade == null ? null : upgrade.directConnection(), session);
    Subscriber subscriber =
        connections.register(session, sink, admission.principal().name(), since.isPresent());
    metrics.connected();
    if (since.isPresent()) {
      metrics.replayRequested();
      replayer.resume(subscriber, since.getAsLong());
    }
    LOG.log(
        Level.INFO,
        "Connection {0} opened by token {1} from {2}{3}",
        new Object[] {
          session.getId(),
          admission.principal().name(),
          PeerAddress.of(session),
          since.isPresent() ? " resuming after " + since.getAsLong() : ""
        });
  }

  @OnMessage
  public void command(String text, Session session) throws IOException {
    if (!inboundRate.tryTake(System.nanoTime())) {
      metrics.disconnected("rate_limit");
      session.close(
          new CloseReason(
              CloseCodes.VIOLATED_POLICY,
              "rate limit: more than " + maxInboundPerSecond + " messages per second"));
      return;
    }
    if (Utf8.length(text) > maxInboundBytes) {
      metrics.disconnected("too_big");
      session.close(new CloseReason(CloseCodes.TOO_BIG, tooBig()));
      return;
    }
    String reply =
        "test".equals(text.strip())
            ? frames.testReply()
            : frames.error(
                "unknown_command",
                "unknown command '" + echo(text) + "': the only command is test");
    connections.of(session).ifPresent(subscriber -> subscriber.outbox().offer(reply));
  }

  /** A frame declared more than the limit: refused from its header, before its payload is read. */
  private void refuseOversized(Session session) {
    metrics.disconnected("too_big");
    try {
      session.close(new CloseReason(CloseCodes.TOO_BIG, tooBig()));
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing an oversized sender failed", e);
    }
  }

  private String tooBig() {
    return "message larger than " + maxInboundBytes + " bytes";
  }

  @OnMessage
  public void binary(ByteBuffer ignored, Session session) throws IOException {
    session.close(new CloseReason(CloseCodes.CANNOT_ACCEPT, "binary frames are not accepted"));
  }

  @OnMessage
  public void pong(PongMessage pong, Session session) {
    connections.of(session).ifPresent(Subscriber::alive);
  }

  @OnClose
  public void close(Session session, CloseReason reason) {
    connections.unregister(session);
    if (admission != null) {
      admission.release();
    }
    LOG.log(
        Level.INFO,
        "Connection {0} of token {1} closed: {2} {3}",
        new Object[] {
          session.getId(),
          admission == null ? "-" : admission.principal().name(),
          String.valueOf(reason.getCloseCode().getCode()), // not "1,008"
          reason.getReasonPhrase()
        });
  }

  @OnError
  public void error(Session session, Throwable error) {
    connections.unregister(session);
    if (admission != null) {
      admission.release();
    }
    LOG.log(Level.WARNING, "Connection " + session.getId() + " failed", error);
  }

  /** The {@code since} query parameter: empty when absent, null when malformed. */
  private static OptionalLong since(Session session) {
    List<String> values = session.getRequestParameterMap().getOrDefault("since", List.of());
    if (values.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long since = Long.parseLong(values.get(0));
      return values.size() == 1 && since >= 0 ? OptionalLong.of(since) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String echo(String text) {
    String stripped = text.strip();
    return stripped.length() <= ECHO_LIMIT ? stripped : stripped.substring(0, ECHO_LIMIT) + "…";
  }
}
