package com.signalhub.fanout.control;

/**
 * How long the container's read side is behind: a connection's pong waits in the same queue as
 * every other read and every HTTP request, so during a connect storm a healthy client's pong can
 * arrive that much late. The shards add it to the pong timeout before calling a connection dead.
 */
@FunctionalInterface
public interface ReadLag {

  ReadLag NONE = () -> 0L;

  long nanos();
}
