package com.signalhub.fanout.control;

import com.signalhub.fanout.entity.Ending;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connection's far end for tests: remembers how it was told to close. */
final class FakePeer implements ConnectionPeer {

  private final String id;
  final List<Ending> endings = new CopyOnWriteArrayList<>();

  FakePeer(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String remoteAddress() {
    return "127.0.0.1";
  }

  @Override
  public void close(Ending ending) {
    endings.add(ending);
  }
}
