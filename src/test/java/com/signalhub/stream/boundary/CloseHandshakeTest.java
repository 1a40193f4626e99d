package com.signalhub.stream.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloseHandshakeTest {

  private final List<String> events = new ArrayList<>();
  private Runnable deadline;

  private final CloseHandshake.Wire wire =
      new CloseHandshake.Wire() {
        @Override
        public void halfCloseWhenWritten() {
          events.add("fin");
        }

        @Override
        public void reset() {
          events.add("reset");
        }
      };

  private final CloseHandshake handshake =
      new CloseHandshake(
          () -> events.add("close"),
          wire,
          task -> {
            deadline = task;
            return () -> events.add("deadline cancelled");
          });

  @Test
  void theServersCloseWaitsForTheClientsCloseFrame() {
    handshake.closeFrameFlushed();
    handshake.serverClosing();
    assertEquals(List.of("fin"), events, "output half-closed, socket still open for reading");
    assertNotNull(deadline, "bounded by the close timeout");
    handshake.clientDone();
    assertEquals(List.of("fin", "deadline cancelled", "close"), events);
  }

  @Test
  void theHalfCloseWaitsForTheCloseFrameTyrusQueued() {
    handshake.serverClosing();
    assertEquals(List.of(), events, "no FIN before the close frame is written");
    handshake.closeFrameFlushed();
    assertEquals(List.of("fin"), events);
  }

  @Test
  void aClientThatClosedFirstIsClosedAtOnce() {
    handshake.clientDone();
    assertEquals(List.of(), events, "nothing before the server closes too");
    handshake.closeFrameFlushed(); // Tyrus's echo
    handshake.serverClosing();
    assertEquals(List.of("close"), events);
    assertNull(deadline, "no linger");
  }

  @Test
  void aClientThatNeverAnswersIsResetAtTheDeadline() {
    handshake.closeFrameFlushed();
    handshake.serverClosing();
    deadline.run();
    assertEquals(List.of("fin", "reset", "close"), events);
    handshake.clientDone(); // its socket closing now
    deadline.run();
    assertEquals(List.of("fin", "reset", "close"), events, "ended once");
  }

  @Test
  void closingTwiceIsClosingOnce() {
    handshake.closeFrameFlushed();
    handshake.serverClosing();
    handshake.serverClosing();
    handshake.clientDone();
    handshake.clientDone();
    assertEquals(List.of("fin", "deadline cancelled", "close"), events);
  }

  @Test
  void withoutLingeringTheCloseIsAtOnce() {
    CloseHandshake stopping = new CloseHandshake(() -> events.add("close"), wire, task -> null);
    stopping.closeFrameFlushed();
    stopping.serverClosing();
    assertEquals(List.of("close"), events, "the container's own close: queued bytes, then FIN");
  }
}
