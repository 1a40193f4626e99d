package com.signalhub.signal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Why seqs come from a counter row and not from a database sequence, on a real database (H2 in this
 * JVM, the schema of META-INF/sql/create.sql), with two publishing transactions as two instances
 * would run them, and a third connection reading as another instance's feed does.
 */
class SeqAllocationTest {

  private static final String INSERT =
      "INSERT INTO signal_log (seq, type, symbol, price, signal_timestamp, is_test,"
          + " received_at_ms, source) VALUES (?, 'buy', 'BTCUSDT', '1', 1, FALSE, 1, 'HTTP')";

  private String url;

  @BeforeEach
  void schema() throws Exception {
    url = "jdbc:h2:mem:seq" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      String script =
          new String(
              SeqAllocationTest.class
                  .getResourceAsStream("/META-INF/sql/create.sql")
                  .readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
      for (String statement : script.split(";\\s*\\n")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
      s.execute("CREATE SEQUENCE plain_seq START WITH 1");
    }
  }

  @AfterEach
  void drop() throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
  }

  @Test
  void withASequenceALaterSeqCanBeVisibleWhileAnEarlierOneIsStillCommitting() throws Exception {
    try (Connection first = publisher();
        Connection second = publisher();
        Connection reader = DriverManager.getConnection(url)) {
      long a = nextFromSequence(first); // 1, its transaction still open
      long b = nextFromSequence(second); // 2, not held up
      insert(second, b);
      second.commit();
      assertEquals(2, b);
      assertEquals(2, newestVisible(reader), "the reader sees 2 ...");
      assertFalse(visible(reader, a), "... while 1 is not there: a gap that is not a loss");
      insert(first, a);
      first.commit();
    }
  }

  @Test
  void withTheCounterTheNextAllocationWaitsForTheCommitBeforeIt() throws Exception {
    try (Connection first = publisher();
        Connection second = publisher();
        Connection reader = DriverManager.getConnection(url)) {
      createCounter(first);
      first.commit();
      long a = next(first);
      CompletableFuture<Long> b =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  long seq = next(second);
                  insert(second, seq);
                  second.commit();
                  return seq;
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      assertThrows(
          TimeoutException.class,
          () -> b.get(500, TimeUnit.MILLISECONDS),
          "the second allocation waits while the first transaction is open");
      assertEquals(0, newestVisible(reader), "nothing is visible out of order meanwhile");
      insert(first, a);
      first.commit();
      assertEquals(2, b.get(10, TimeUnit.SECONDS));
      assertEquals(1, a);
      assertEquals(2, newestVisible(reader));
    }
  }

  @Test
  void aPublishThatRollsBackGivesItsNumberBack() throws Exception {
    try (Connection first = publisher();
        Connection second = publisher()) {
      createCounter(first);
      first.commit();
      assertEquals(1, next(first));
      first.rollback(); // e.g. the insert failed
      assertEquals(1, next(second), "no hole");
      second.commit();
    }
  }

  @Test
  void aDatabaseFromBeforeTheCounterGoesOnAfterItsNewestSeq() throws Exception {
    try (Connection c = publisher()) {
      insert(c, 41);
      insert(c, 42);
      c.commit();
      createCounter(c);
      createCounter(c); // at every start: a second time changes nothing
      c.commit();
      assertEquals(43, next(c));
      c.commit();
    }
  }

  private Connection publisher() throws SQLException {
    Connection c = DriverManager.getConnection(url);
    c.setAutoCommit(false);
    return c;
  }

  private static void createCounter(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(SeqCounter.CREATE);
    }
  }

  private static long next(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      assertEquals(1, s.executeUpdate(SeqCounter.NEXT));
      try (ResultSet r = s.executeQuery(SeqCounter.CURRENT)) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static long nextFromSequence(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT NEXT VALUE FOR plain_seq")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void insert(Connection c, long seq) throws SQLException {
    try (var s = c.prepareStatement(INSERT)) {
      s.setLong(1, seq);
      s.executeUpdate();
    }
  }

  private static long newestVisible(Connection reader) throws SQLException {
    try (Statement s = reader.createStatement();
        ResultSet r = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM signal_log")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static boolean visible(Connection reader, long seq) throws SQLException {
    try (Statement s = reader.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM signal_log WHERE seq = " + seq)) {
      r.next();
      return r.getLong(1) == 1;
    }
  }
}
