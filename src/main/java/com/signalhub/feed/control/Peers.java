package com.signalhub.feed.control;

/** The other instances sharing this one's database, told about each signal this one stores. */
public interface Peers {

  /** Right after the signal's commit; must not block on the network for long. */
  void tell(long seq, String json);
}
