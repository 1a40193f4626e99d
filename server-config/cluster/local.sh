#!/usr/bin/env bash
# A Signal Hub cluster on this machine, on 127.0.0.1 only:
#   server-config/cluster/local.sh start N   N instances (HTTP 8081…808N), one H2 database server and
#                                            one Artemis broker shared by all; returns once all are
#                                            ready. Again with a larger N: the missing ones join.
#                                            N = 0: just the database and the broker (for
#                                            instances of your own, e.g. a Payara Server group).
#   server-config/cluster/local.sh kill I    SIGKILL instance I (as a crash); returns once it is gone
#   server-config/cluster/local.sh stop      stops everything it started
# Settings: CLUSTER_BASE_PORT (8080: instance I listens on BASE+I), CLUSTER_DB_PORT (9093),
# CLUSTER_BROKER_PORT (61617), CLUSTER_DATA (data/cluster), SIGNALHUB_TOKENS (else the dev tokens),
# CLUSTER_JAVA_OPTS (-Xms1g -Xmn128m). Everything comes from the build (mvn -B package): the bundle,
# the resource adapter, Payara's own H2 and the Artemis jars of the build's classpath.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BASE=${CLUSTER_BASE_PORT:-8080}
DB_PORT=${CLUSTER_DB_PORT:-9093}
BROKER_PORT=${CLUSTER_BROKER_PORT:-61617}
DATA=${CLUSTER_DATA:-$ROOT/data/cluster}
JAVA_OPTS=${CLUSTER_JAVA_OPTS:--Xms1g -Xmn128m}
PAYARA_JAR=$HOME/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar

log() { echo "local.sh: $*" >&2; }
running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_port() { # wait_port PORT PIDFILE WHAT
  for _ in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    running "$2" || { log "$3 exited; see its log in $DATA"; return 1; }
    sleep 0.5
  done
  log "$3 not listening on $1 after 60 s"
  return 1
}

build() {
  if [ ! -f target/signal-hub-micro.jar ] || [ ! -f target/signalhub-artemis-ra.rar ] \
     || [ ! -f target/jms-client.classpath ] || [ ! -f "$PAYARA_JAR" ]; then
    log "building (mvn -B -q package -DskipTests)"
    mvn -B -q package -DskipTests
  fi
}

start_database() {
  running "$DATA/h2.pid" && return 0
  if [ ! -f "$DATA/h2.jar" ]; then # Payara's own, the version of the driver it connects with
    (cd "$DATA" && jar xf "$PAYARA_JAR" MICRO-INF/runtime/h2.jar \
      && mv MICRO-INF/runtime/h2.jar h2.jar && rm -r MICRO-INF)
  fi
  java -Dh2.bindAddress=127.0.0.1 -cp "$DATA/h2.jar" org.h2.tools.Server -tcp -tcpPort "$DB_PORT" -ifNotExists \
    -baseDir "$DATA/h2" >"$DATA/h2.log" 2>&1 &
  echo $! >"$DATA/h2.pid"
  wait_port "$DB_PORT" "$DATA/h2.pid" "the H2 server"
}

start_broker() {
  running "$DATA/broker.pid" && return 0
  java -cp "$(cat target/jms-client.classpath)" server-config/cluster/Broker.java \
    "$BROKER_PORT" "$DATA/broker" >"$DATA/broker.log" 2>&1 &
  echo $! >"$DATA/broker.pid"
  wait_port "$BROKER_PORT" "$DATA/broker.pid" "the broker"
}

start_instance() { # start_instance I
  local i=$1 dir=$DATA/hub-$1
  running "$dir.pid" && return 0
  rm -rf "$dir" && mkdir -p "$dir"
  # shellcheck disable=SC2086
  SIGNALHUB_INSTANCE_NAME=hub-$i CLUSTER_DB_PORT=$DB_PORT CLUSTER_BROKER_PORT=$BROKER_PORT \
    java $JAVA_OPTS -jar target/signal-hub-micro.jar --port $((BASE + i)) --rootdir "$dir" \
    --prebootcommandfile server-config/pre-boot-commands.asadmin \
    --postbootcommandfile server-config/cluster/post-boot-commands.asadmin >"$dir.log" 2>&1 &
  echo $! >"$dir.pid"
}

await_instance() { # await_instance I
  local i=$1 dir=$DATA/hub-$1
  for _ in $(seq 1 600); do
    if grep -q ') ready in ' "$dir.log" 2>/dev/null; then
      echo "instance hub-$i ready on http://127.0.0.1:$((BASE + i))"
      return 0
    fi
    running "$dir.pid" || { log "hub-$i exited; see $dir.log"; return 1; }
    sleep 0.5
  done
  log "hub-$i not ready after 300 s; see $dir.log"
  return 1
}

stop_pid() { # stop_pid PIDFILE
  running "$1" || { rm -f "$1"; return 0; }
  local pid
  pid=$(cat "$1")
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$1"
}

case ${1:-} in
  start)
    count=${2:?usage: local.sh start N}
    mkdir -p "$DATA"
    build
    start_database
    start_broker
    for i in $(seq 1 "$count"); do start_instance "$i"; done
    for i in $(seq 1 "$count"); do await_instance "$i"; done
    ;;
  kill)
    index=${2:?usage: local.sh kill I}
    running "$DATA/hub-$index.pid" || { log "hub-$index is not running"; exit 1; }
    pid=$(cat "$DATA/hub-$index.pid")
    kill -9 "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done # until it is gone
    rm -f "$DATA/hub-$index.pid"
    if kill -0 "$pid" 2>/dev/null; then log "hub-$index (pid $pid) still there after 10 s"; exit 1; fi
    ;;
  stop)
    for pidfile in "$DATA"/hub-*.pid; do [ -e "$pidfile" ] && stop_pid "$pidfile"; done
    stop_pid "$DATA/broker.pid"
    stop_pid "$DATA/h2.pid"
    ;;
  *)
    echo "usage: $0 start N | kill I | stop" >&2
    exit 2
    ;;
esac
