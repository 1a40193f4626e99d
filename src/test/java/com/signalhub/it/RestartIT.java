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
import org.junit.jupiter.api.Test;

/** The signal log outlives the server: killed mid-stream, restarted, nothing acknowledged lost. */
class RestartIT {

  @Test
  void historySurvivesACrashSeqContinuesAndAResumingClientGetsWhatItMissed() throws Exception {
    Path data = Files.createDirectories(Path.of("target", "restart-it", "" + System.nanoTime()));
    long seen;
    List<Long> missed = new ArrayList<>();
    try (PayaraProcess server = PayaraProcess.start(data, data.resolve("first.log"));
        WsClient client = WsClient.connect(server.base, SUBSCRIBER)) {
      long a = publish(server.base, "BEFORE", "1");
      assertEquals(a, Api.seqOfFrame(client.next()));
      seen = a;
      for (int i = 1; i <= 5; i++) { // published while this client is (about to be) gone
        missed.add(publish(server.base, "MISSED" + i, "2." + i));
      }
    } // SIGKILL: no orderly shutdown
    try (PayaraProcess server = PayaraProcess.start(data, data.resolve("second.log"))) {
      long after = publish(server.base, "AFTER", "3");
      assertTrue(after > missed.get(missed.size() - 1), "seq continues after the restart");
      missed.add(after);
      try (WsClient client =
          WsClient.connect(URI.create(server.base + "?since=" + seen), SUBSCRIBER)) {
        for (long seq : missed) {
          assertEquals(seq, Api.seqOfFrame(client.next()));
        }
      }
    }
  }

  private static long publish(URI base, String symbol, String price) throws Exception {
    return Api.seqOf(Api.publish(base, PUBLISHER, Api.signal("sell", symbol, price, Api.now())));
  }
}
