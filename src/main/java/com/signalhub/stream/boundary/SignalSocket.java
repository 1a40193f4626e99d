package com.signalhub.stream.boundary;

import com.signalhub.container.UpgradedConnection;
import com.signalhub.fanout.control.Batch;
import com.signalhub.fanout.control.Connection;
import com.signalhub.fanout.control.FrameSink;
import com.signalhub.fanout.entity.Disconnect;
import com.signalhub.fanout.entity.Ending;
import com.signalhub.fanout.entity.WireFrame;
import com.signalhub.platform.ThrottledLog;
import com.signalhub.stream.control.Admission;
import com.signalhub.stream.control.InboundRate;
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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The signal stream at {@code ws(s)://host:port/}, or {@code /?since=N} to first replay what was
 * stored after seq N. One instance per connection; only admitted upgrades reach it (see {@link
 * StreamHandshake}), and made by it. It joins the fan-out and answers the client's commands.
 */
@ServerEndpoint(value = "/", configurator = StreamHandshake.class)
public class SignalSocket {

  private static final Logger LOG = Logger.getLogger(SignalSocket.class.getName());
  private static final ThrottledLog OPENED = new ThrottledLog(LOG, "connection opened", 20);
  private static final ThrottledLog CLOSED = new ThrottledLog(LOG, "connection closed", 20);
  private static final int ECHO_LIMIT = 64;

  private final StreamServices services;

  private Admission admission;
  private InboundRate inboundRate;
  private Connection connection;

  /**
   * For a container that instantiates endpoints itself; Signal Hub's are made by {@link
   * StreamHandshake#getEndpointInstance}.
   */
  public SignalSocket() {
    this(StreamServices.current());
  }

  SignalSocket(StreamServices services) {
    this.services = services;
  }

  @OnOpen
  public void open(Session session, EndpointConfig config) throws IOException {
    Map<String, Object> properties = config.getUserProperties();
    admission = (Admission) properties.get(StreamHandshake.ADMISSION);
    if (admission == null) {
      refuse(session, Disconnect.NOT_AUTHENTICATED.ending());
      return;
    }
    admission.claim();
    StreamUpgrade upgrade = (StreamUpgrade) properties.remove(StreamUpgrade.PROPERTY);
    if (upgrade != null && upgrade.guard() != null) {
      upgrade.guard().onOversize(() -> tooBig(session));
    }
    inboundRate = new InboundRate(services.maxInboundPerSecond(), System.nanoTime());
    session.setMaxTextMessageBufferSize(services.maxInboundBytes());
    OptionalLong since = since(session);
    if (since == null) {
      refuse(session, Disconnect.BAD_SINCE.ending());
      return;
    }
    Optional<UpgradedConnection> upgraded =
        upgrade == null ? Optional.empty() : upgrade.connection();
    FrameSink sink =
        upgraded
            .flatMap(container -> container.directSink(session))
            .orElseGet(() -> new TyrusSink(session.getAsyncRemote()));
    Runnable settled =
        upgraded
            .<Runnable>map(container -> () -> container.settled(tyrusHandler(upgrade)))
            .orElse(SessionPeer.NOTHING);
    connection =
        services
            .fanOut()
            .open(
                new SessionPeer(session, settled),
                sink,
                admission.principal().name(),
                since.isPresent());
    if (!services.gate().stillValid(admission.principal())) { // withdrawn since the upgrade
      end(session, Disconnect.TOKEN_WITHDRAWN.ending());
      return;
    }
    if (since.isPresent()) {
      services.metrics().replayRequested();
      services.replayer().resume(connection, since.getAsLong());
    }
    OPENED.log(
        Level.INFO,
        "Connection {0} opened by token {1} from {2}{3}",
        new Object[] {
          session.getId(),
          admission.principal().name(),
          connection.peer().remoteAddress(),
          since.isPresent() ? " resuming after " + since.getAsLong() : ""
        });
  }

  @OnMessage
  public void command(String text, Session session) {
    if (connection == null) {
      return; // refused at open: closing
    }
    if (!inboundRate.tryTake(System.nanoTime())) {
      end(session, Disconnect.RATE_LIMIT.ending(services.maxInboundPerSecond()));
      return;
    }
    if (Utf8.length(text) > services.maxInboundBytes()) {
      tooBig(session);
      return;
    }
    connection.alive();
    String reply =
        "test".equals(text.strip())
            ? services.frames().testReply()
            : services
                .frames()
                .error(
                    "unknown_command",
                    "unknown command '" + echo(text) + "': the only command is test");
    connection.outbox().offer(Batch.of(WireFrame.of(reply)));
  }

  /** A frame over the limit: refused from its header (or its decoded length). */
  private void tooBig(Session session) {
    end(session, Disconnect.TOO_BIG.ending(services.maxInboundBytes()));
  }

  @OnMessage
  public void binary(ByteBuffer ignored, Session session) {
    end(session, Disconnect.BINARY.ending());
  }

  @OnMessage
  public void pong(PongMessage pong, Session session) {
    if (connection != null) {
      connection.alive();
    }
  }

  @OnClose
  public void close(Session session, jakarta.websocket.CloseReason reason) {
    left();
    CLOSED.log(
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
    left();
    LOG.log(Level.WARNING, "Connection " + session.getId() + " failed", error);
  }

  private void left() {
    if (connection != null) {
      services.fanOut().closed(connection);
    }
    if (admission != null) {
      admission.release();
    }
  }

  /** The server ends an open connection: through the fan-out once it has joined. */
  private void end(Session session, Ending ending) {
    if (connection != null) {
      services.fanOut().drop(connection, ending);
    } else {
      refuse(session, ending);
    }
  }

  /** Closes a session that never joined the fan-out. */
  private void refuse(Session session, Ending ending) {
    services.fanOutMetrics().disconnected(ending.disconnect());
    try {
      session.close(ending.closeReason());
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing connection " + session.getId() + " failed", e);
    }
  }

  private static Object tyrusHandler(StreamUpgrade upgrade) {
    GuardedUpgrade guard = upgrade.guard();
    return guard == null ? null : guard.upgradeHandler();
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
