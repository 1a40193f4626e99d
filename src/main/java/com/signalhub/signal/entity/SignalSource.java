package com.signalhub.signal.entity;

/** Where an accepted signal came from. */
public enum SignalSource {
  HTTP,
  JMS,
  TIMER
}
