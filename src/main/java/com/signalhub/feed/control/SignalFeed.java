package com.signalhub.feed.control;

import com.signalhub.feed.entity.Sequenced;
import com.signalhub.signal.entity.Signal;
import com.signalhub.signal.entity.SignalFrame;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;

/**
 * The ordered feed: every accepted signal, encoded once, handed on strictly in seq order. The
 * intake fires each signal after its commit, one at a time in seq order, and this observer runs on
 * that thread; it only encodes and hands over (no network I/O), so a publish is answered as soon as
 * its signal is stored and in the feed.
 */
@ApplicationScoped
public class SignalFeed {

  @Inject Jsonb jsonb;

  @Inject Event<Sequenced> sequenced;

  void onAccepted(@Observes Signal signal) {
    long accepted = System.nanoTime();
    sequenced.fire(new Sequenced(signal.seq(), jsonb.toJson(SignalFrame.of(signal)), accepted));
  }
}
