package com.signalhub.it;

import static com.signalhub.it.Deployments.PUBLISHER;
import static com.signalhub.it.Deployments.SUBSCRIBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signal log outlives the server: killed mid-stream, restarted, nothing acknowledged lost. */
class RestartIT {

  interface Server {
    PayaraProcess start(String name) throws Exception;
  }

  @Test
  void historySurvivesACrashSeqContinuesAndAResumingClientGetsWhatItMissed() throws Exception {
    Path data = Files.createDirectories(Path.of("target", "restart-it", "" + System.nanoTime()));
    crashAndResume(name -> PayaraProcess.withH2(data, data.resolve(name + ".log")));
  }

  /** The scenario, for any storage: publish, kill the server, restart it, resume. */
  static void crashAndResume(Server server) throws Exception {
    long seen;
    List<Long> missed = new ArrayList<>();
    String jmsSignal = Api.signal("buy", "MISSEDJMS", "5", Api.now());
    String jmsKey = "crash-" + System.nanoTime();
    try (PayaraProcess first = server.start("first");
        WsClient client = WsClient.connect(first.base, SUBSCRIBER)) {
      long a = publish(first.base, "BEFORE", "1");
      assertEquals(a, Api.seqOfFrame(client.next()));
      seen = a;
      for (int i = 1; i <= 5; i++) { // published while this client is (about to be) gone
        missed.add(publish(first.base, "MISSED" + i, "2." + i));
      }
      try (Jms jms = first.jms()) {
        jms.send(jmsSignal, "crash-1", Map.of("IdempotencyKey", jmsKey));
      }
      String frame = client.next();
      while (!frame.contains("\"symbol\":\"MISSEDJMS\"")) {
        frame = client.next();
      }
      missed.add(Api.seqOfFrame(frame)); // stored, then acknowledged
    } // SIGKILL: no orderly shutdown
    try (PayaraProcess second = server.start("second")) {
      long after = publish(second.base, "AFTER", "3");
      assertTrue(after > missed.get(missed.size() - 1), "seq continues after the restart");
      missed.add(after);
      try (WsClient client =
              WsClient.connect(URI.create(second.base + "?since=" + seen), SUBSCRIBER);
          Jms jms = second.jms()) {
        for (long seq : missed) {
          assertEquals(seq, Api.seqOfFrame(client.next()));
        }
        // The producer retries the JMS signal it is unsure about: stored once, not broadcast again.
        jms.send(jmsSignal, "crash-2", Map.of("IdempotencyKey", jmsKey));
        jms.send(Api.signal("buy", "LASTJMS", "4", Api.now()), "crash-3", Map.of());
        String next = client.next();
        assertTrue(next.contains("\"symbol\":\"LASTJMS\""), next);
      }
    }
  }

  private static long publish(URI base, String symbol, String price) throws Exception {
    return Api.seqOf(Api.publish(base, PUBLISHER, Api.signal("sell", symbol, price, Api.now())));
  }
}
