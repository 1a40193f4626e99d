package com.signalhub.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A WebSocket upgrade over a bare socket: to see the exact response, or to vanish rudely. */
final class RawUpgrade implements AutoCloseable {

  final Socket socket;
  final String responseHead;

  private RawUpgrade(Socket socket, String responseHead) {
    this.socket = socket;
    this.responseHead = responseHead;
  }

  static RawUpgrade open(URI base, String authorization) throws IOException {
    return open(base, authorization, 0);
  }

  /** With a small receive buffer ({@code receiveBuffer} bytes, 0: the default) to stall sooner. */
  static RawUpgrade open(URI base, String authorization, int receiveBuffer) throws IOException {
    Socket socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
    return upgrade(socket, base, authorization);
  }

  /** Over TLS ({@code wss://}), trusting what {@code tls} trusts. */
  static RawUpgrade openTls(URI base, SSLContext tls, String authorization) throws IOException {
    Socket plain = new Socket();
    plain.connect(new InetSocketAddress(base.getHost(), base.getPort()));
    SSLSocket socket =
        (SSLSocket)
            tls.getSocketFactory().createSocket(plain, base.getHost(), base.getPort(), true);
    socket.startHandshake();
    return upgrade(socket, base, authorization);
  }

  private static RawUpgrade upgrade(Socket socket, URI base, String authorization)
      throws IOException {
    socket.setSoTimeout((int) WsClient.WAIT.toMillis());
    String request =
        "GET / HTTP/1.1\r\n"
            + "Host: "
            + base.getHost()
            + ":"
            + base.getPort()
            + "\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
            + "\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    return new RawUpgrade(socket, readHead(socket.getInputStream()));
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** What follows the head, up to the server's close; times out if the server keeps it open. */
  String readToEnd() throws IOException {
    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  /**
   * Reads the server's frames, ignoring all but a close frame, and returns that frame's code; times
   * out if the server sends nothing for a minute.
   */
  int awaitCloseCode() throws IOException {
    return awaitClose(60_000).code();
  }

  /** A close frame as read off the wire: its code (1005 for none) and reason. */
  record Close(int code, String reason) {}

  /**
   * As {@link #awaitCloseCode()}, with the reason; times out after {@code timeoutMs} of silence.
   */
  Close awaitClose(int timeoutMs) throws IOException {
    while (true) {
      Frame frame = nextFrame(timeoutMs);
      if (frame.opcode() == 0x8) {
        byte[] payload = frame.payload();
        return payload.length >= 2
            ? new Close(
                ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF),
                new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8))
            : new Close(1005, "");
      }
    }
  }

  /** A frame as read off the wire. */
  record Frame(int opcode, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "opcode " + opcode + ": " + text();
    }
  }

  /** The server's next frame, whole; times out after {@code timeoutMs} of silence. */
  Frame nextFrame(int timeoutMs) throws IOException {
    socket.setSoTimeout(timeoutMs);
    DataInputStream in = new DataInputStream(socket.getInputStream());
    int first = in.readUnsignedByte();
    if ((first & 0x80) == 0) {
      throw new IOException("a fragment: the server sends whole frames, first byte " + first);
    }
    int second = in.readUnsignedByte();
    if ((second & 0x80) != 0) {
      throw new IOException("a masked frame from the server");
    }
    long length = second & 0x7F;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    return new Frame(first & 0x0F, in.readNBytes((int) length));
  }

  /** Sends one masked frame: {@code opcode} (0x1 text, 0x2 binary, 0x8 close, 0xA pong ...). */
  void sendFrame(int opcode, byte[] payload) throws IOException {
    socket.getOutputStream().write(frame(opcode, payload));
  }

  /** A whole masked frame, FIN set, as a client must send it (RFC 6455 §5.3). */
  static byte[] frame(int opcode, byte[] payload) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x80 | opcode);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else {
      frame.write(0x80 | 126);
      frame.write(payload.length >> 8);
      frame.write(payload.length & 0xFF);
    }
    byte[] mask = {0x11, 0x22, 0x33, 0x44};
    frame.writeBytes(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    return frame.toByteArray();
  }

  /**
   * Sends a masked text frame's header declaring {@code declared} payload bytes, then {@code sent}
   * of them (zeros); stops quietly if the server has already closed.
   */
  void sendTextFrame(long declared, int sent) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x81);
    if (declared < 126) {
      frame.write(0x80 | (int) declared);
    } else if (declared <= 0xFFFF) {
      frame.write(0x80 | 126);
      frame.write((int) (declared >> 8));
      frame.write((int) (declared & 0xFF));
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) (declared >> shift) & 0xFF);
      }
    }
    frame.writeBytes(new byte[] {0x11, 0x22, 0x33, 0x44});
    frame.writeBytes(new byte[sent]);
    try {
      socket.getOutputStream().write(frame.toByteArray());
    } catch (IOException closedByTheServer) {
      // the server refused the frame before it was all written: what is being tested
    }
  }

  /**
   * Without reading anything, whether the server resets the connection within {@code within}: sends
   * a small masked pong every 100 ms until a write fails.
   */
  boolean resetWithin(Duration within) throws InterruptedException {
    byte[] pong = {(byte) 0x8A, (byte) 0x80, 1, 2, 3, 4};
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        socket.getOutputStream().write(pong);
      } catch (IOException reset) {
        return true;
      }
      Thread.sleep(100); // polling the connection's state: the server gives no other sign
    }
    return false;
  }

  /** Disappear without a close frame or FIN: a reset, as when a client's machine dies. */
  void vanish() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
