#!/usr/bin/env bash
# WebSocket fan-out benchmark runner. See bench/README.md.
#
#   bench/run.sh build                      build the load tool, the peers and the floor
#   bench/run.sh SERVER N R                 one grid point: N clients, R signals/s
#   bench/run.sh storm SERVER N RATE        a connect storm: N connects offered at RATE/s at once
#   bench/run.sh SERVER                     the grid N in $GRID_N x R in $GRID_R
#   bench/run.sh all                        the grid for every server
#   bench/run.sh chart                      $RESULTS/chart.png from the summaries
# SERVER: signalhub | node-ws | vertx | jetty | floor
#
# Environment (defaults): DURATION=30 WARMUP=5 RAMP=500 IDLE=3 SLOW_FRACTION=0
#   GRID_N="1000 5000 10000 19000" GRID_R="1 5 10" RESULTS=bench/results
#   SUB_TOKEN=dev-subscriber-secret-0001 PUB_TOKEN=dev-publisher-secret-0001
#   TOOL_OPTS="" (extra load tool options)  TOOL_JAVA_OPTS="-Xmx2g"  PEER_JAVA_OPTS="-Xmx1g"
#   SERVER_CPU=0 TOOL_CPU=1 (taskset cores)  SIGNALHUB_PORT (a free port)
#   SIGNALHUB_DIR (the checkout whose target/signal-hub.war runs; default: this repository)
#   SIGNALHUB_JAVA_OPTS (Payara Micro's JVM flags; default: the README's, as the run command has
#   them: -Xms1g -Xmn128m -XX:TieredStopAtLevel=1)  SIGNALHUB_CMD (replaces the
#   whole command; default: java -jar payara-micro.jar --deploy the WAR with server-config/, in a
#   fresh scratch directory, so every point starts on an empty database; the simulator is switched
#   off and the session caps raised via env)  STORM_RETRIES=30 (retries of a refused client)
#   PREWARM=0 (Signal Hub only: publishes sent back to back from one keep-alive client, with
#   src/bench/java/IngestBench.java, after the server is ready and before the load tool starts, so a
#   point can measure a server whose publish path the JIT has compiled)
#   THREADS=0 (1: the server's CPU per thread over the measured window, bench/threads.py, into the
#   point's threads-window.txt: the fan-out thread, the JIT, the HTTP threads told apart)
#   PROFILE=0 (1: Java servers only: async-profiler, from Maven Central, attached over the measured
#   window, CPU samples with kernel frames every PROFILE_INTERVAL=1ms into profile-window.collapsed
#   and profile-window.html)
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-5}
RAMP=${RAMP:-500}
IDLE=${IDLE:-3}
SLOW_FRACTION=${SLOW_FRACTION:-0}
GRID_N=${GRID_N:-"1000 5000 10000 19000"}
GRID_R=${GRID_R:-"1 5 10"}
RESULTS=${RESULTS:-$BENCH/results}
SUB_TOKEN=${SUB_TOKEN:-dev-subscriber-secret-0001}
PUB_TOKEN=${PUB_TOKEN:-dev-publisher-secret-0001}
TOOL_OPTS=${TOOL_OPTS:-}
TOOL_JAVA_OPTS=${TOOL_JAVA_OPTS:--Xmx2g}
PEER_JAVA_OPTS=${PEER_JAVA_OPTS:--Xmx1g}
SERVER_CPU=${SERVER_CPU:-0}
TOOL_CPU=${TOOL_CPU:-1}
TOOL_JAR=$BENCH/target/signalhub-bench.jar
SIGNALHUB_DIR=${SIGNALHUB_DIR:-$ROOT}
SIGNALHUB_JAVA_OPTS=${SIGNALHUB_JAVA_OPTS--Xms1g -Xmn128m -XX:TieredStopAtLevel=1}
PREWARM=${PREWARM:-0}
THREADS=${THREADS:-0}
PROFILE=${PROFILE:-0}
PROFILE_INTERVAL=${PROFILE_INTERVAL:-1ms}
ASYNC_PROFILER_VERSION=3.0
STORM_RETRIES=${STORM_RETRIES:-30}
PAYARA_VERSION=6.2025.10
PAYARA_JAR=$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar

log() { printf '[run.sh %(%T)T] %s\n' -1 "$*" >&2; }

# Room for 19,000 sockets per process (the server and the tool each hold one end).
ulimit -n 20000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" -ge 20000 ] 2>/dev/null || log "warning: ulimit -n is $(ulimit -n); large N will fail"

command -v taskset >/dev/null || { log "taskset (util-linux) is needed"; exit 1; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

listening_pid() { # the pid that owns the listening socket on port $1
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true
}

wait_port() { # wait_port PORT SECONDS LAUNCHER_PID
  local deadline=$((SECONDS + $2))
  while ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    kill -0 "$3" 2>/dev/null || { log "server exited before listening"; return 1; }
    [ $SECONDS -lt $deadline ] || { log "server not listening on $1 after $2 s"; return 1; }
    sleep 0.5
  done
}

stop_pid() { # SIGTERM, then SIGKILL after 15 s; only pids this script started (or their child)
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  log "pid $pid still alive after 15 s: SIGKILL"
  kill -9 "$pid" 2>/dev/null || true
}

build() {
  log "building Signal Hub's WAR in $SIGNALHUB_DIR"
  mvn -B -q -f "$SIGNALHUB_DIR/pom.xml" package -DskipTests
  [ -f "$PAYARA_JAR" ] || mvn -B -q dependency:get -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION"
  log "building the load tool (with its unit tests)"
  mvn -B -q -f "$BENCH/pom.xml" package
  log "building the Vert.x and Jetty peers"
  mvn -B -q -f "$BENCH/peers/vertx/pom.xml" package
  mvn -B -q -f "$BENCH/peers/jetty/pom.xml" package
  log "installing the node-ws peer"
  (cd "$BENCH/peers/node-ws" && npm ci --no-audit --no-fund --silent)
  log "building the floor"
  gcc -O2 -Wall -o "$BENCH/floor/floor" "$BENCH/floor/floor.c"
}

LAUNCHER=""
CUR_PORT=""
SCRATCH=""
cleanup() { # stop what this script started: the listener on our port (a child of SIGNALHUB_CMD), the launcher
  if [ -n "$CUR_PORT" ]; then stop_pid "$(listening_pid "$CUR_PORT")"; fi
  if [ -n "$LAUNCHER" ]; then stop_pid "$LAUNCHER"; wait "$LAUNCHER" 2>/dev/null || true; fi
  if [ -n "$SCRATCH" ]; then rm -rf "$SCRATCH"; fi
  CUR_PORT="" LAUNCHER="" SCRATCH=""
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_server() { # start_server NAME PORT LOGFILE: sets LAUNCHER (the pid started here)
  local name=$1 port=$2 logf=$3 wait_s=60
  export SUBSCRIBER_TOKENS=$SUB_TOKEN PUBLISHER_TOKEN=$PUB_TOKEN
  case $name in
    node-ws) taskset -c "$SERVER_CPU" node "$BENCH/peers/node-ws/server.js" "$port" >"$logf" 2>&1 & ;;
    vertx) taskset -c "$SERVER_CPU" java $PEER_JAVA_OPTS -jar "$BENCH/peers/vertx/target/peer-vertx.jar" "$port" >"$logf" 2>&1 & ;;
    jetty) taskset -c "$SERVER_CPU" java $PEER_JAVA_OPTS -jar "$BENCH/peers/jetty/target/peer-jetty.jar" "$port" >"$logf" 2>&1 & ;;
    signalhub)
      wait_s=600
      local war=$SIGNALHUB_DIR/target/signal-hub.war conf=$SIGNALHUB_DIR/server-config
      [ -f "$war" ] || { log "no $war: run bench/run.sh build first"; return 1; }
      # A scratch directory per point: the dev configuration's ./data (H2, the broker's journal)
      # starts empty, Payara's runtime files stay out of /tmp, and target/ holds the RAR it deploys.
      SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/signalhub-bench.XXXXXX")
      ln -s "$SIGNALHUB_DIR/target" "$SCRATCH/target"
      local cmd=${SIGNALHUB_CMD:-"java $SIGNALHUB_JAVA_OPTS -jar $PAYARA_JAR --deploy $war --contextroot / --port $port --rootdir $SCRATCH/runtime --prebootcommandfile $conf/pre-boot-commands.asadmin --postbootcommandfile $conf/post-boot-commands.asadmin --nohazelcast"}
      # shellcheck disable=SC2086
      (cd "$SCRATCH" && SIGNALHUB_SIMULATOR_ENABLED=false SIGNALHUB_STREAM_MAX_SESSIONS=25000 \
        SIGNALHUB_STREAM_MAX_SESSIONS_PER_TOKEN=25000 exec taskset -c "$SERVER_CPU" $cmd) >"$logf" 2>&1 &
      ;;
    *) log "unknown server $name"; return 2 ;;
  esac
  LAUNCHER=$!
  wait_port "$port" "$wait_s" "$LAUNCHER" || return 1
  if [ "$name" = signalhub ]; then # the port opens before the application is deployed
    local deadline=$((SECONDS + wait_s))
    until grep -q 'ready in' "$logf"; do
      [ $SECONDS -lt $deadline ] && kill -0 "$LAUNCHER" 2>/dev/null || { log "Signal Hub not ready"; return 1; }
      sleep 1
    done
  fi
}

run_floor() { # run_floor N R OUTDIR: as many writes per socket as signals in the run
  local n=$1 r=$2 out=$3 rounds
  rounds=$(awk -v r="$r" -v d="$DURATION" 'BEGIN { x = int(r * d); print (x < 1 ? 1 : x) }')
  taskset -c "$SERVER_CPU" "$BENCH/floor/floor" "$n" "$rounds" | tee "$out/summary.json"
  # key=value too, with the figure the chart reads.
  sed -e 's/[{}"]//g' -e 's/,/\n/g' -e 's/:/=/g' "$out/summary.json" >"$out/summary.properties"
  grep '^cpu_us_per_write=' "$out/summary.properties" | sed 's/^cpu_us_per_write=/server_cpu_us_per_frame=/' \
    >>"$out/summary.properties"
}

await_window() { # await_window OUTDIR: returns 1 s into the window the tool measures
  local out=$1 i
  for i in $(seq 1 900); do # the tool logs "publishing" once its clients are in and the warm-up starts
    grep -q 'publishing' "$out/tool.log" 2>/dev/null && break
    sleep 1
  done
  sleep $((WARMUP + 1))
}

window_seconds() { echo $((DURATION > 5 ? DURATION - 4 : 1)); }

sample_threads() { # sample_threads PID OUTDIR: per-thread CPU over the window the tool measures
  local spid=$1 out=$2
  await_window "$out"
  taskset -c "$TOOL_CPU" python3 "$BENCH/threads.py" "$spid" "$(window_seconds)" 30 \
    >"$out/threads-window.txt" 2>&1
}

profiler_library() { # the linux-x64 libasyncProfiler.so, unpacked from Maven Central's jar
  local jar=$HOME/.m2/repository/tools/profiler/async-profiler/$ASYNC_PROFILER_VERSION/async-profiler-$ASYNC_PROFILER_VERSION.jar
  local dir=$BENCH/target/async-profiler-$ASYNC_PROFILER_VERSION
  if [ ! -f "$dir/linux-x64/libasyncProfiler.so" ]; then
    [ -f "$jar" ] || mvn -B -q dependency:get -Dartifact="tools.profiler:async-profiler:$ASYNC_PROFILER_VERSION" >&2
    mkdir -p "$dir" && (cd "$dir" && unzip -q -o "$jar" 'linux-x64/*')
  fi
  echo "$dir/linux-x64/libasyncProfiler.so"
}

profile_window() { # profile_window PID OUTDIR LIBRARY: async-profiler over the window the tool measures
  local spid=$1 out=$2 lib=$3 attach="$ROOT/src/bench/java/ProfilerAttach.java"
  await_window "$out"
  taskset -c "$TOOL_CPU" java "$attach" "$spid" "$lib" "start,event=cpu,interval=$PROFILE_INTERVAL" \
    >"$out/profile-window.log" 2>&1 || return 0
  sleep "$(window_seconds)"
  taskset -c "$TOOL_CPU" java "$attach" "$spid" "$lib" "dump,file=$out/profile-window.collapsed,collapsed" \
    >>"$out/profile-window.log" 2>&1 || return 0
  taskset -c "$TOOL_CPU" java "$attach" "$spid" "$lib" "stop,file=$out/profile-window.html,flamegraph" \
    >>"$out/profile-window.log" 2>&1 || true
}

point() { # point SERVER N R [OUTDIR]
  local server=$1 n=$2 r=$3 out=${4:-"$RESULTS/$1/$2-$3"} port spid rc=0 sampler= profiler= lib=
  mkdir -p "$out"
  log "== $server N=$n R=$r -> $out"
  if [ "$server" = floor ]; then run_floor "$n" "$r" "$out"; return; fi
  port=${SIGNALHUB_PORT:-}
  [ "$server" = signalhub ] && [ -n "$port" ] || port=$(free_port)
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "port $port is already in use: not starting (and not stopping) anything there"
    return 1
  fi
  CUR_PORT=$port
  if start_server "$server" "$port" "$out/server.log"; then
    spid=$(listening_pid "$port")
    spid=${spid:-$LAUNCHER}
    log "$server listening on 127.0.0.1:$port, pid $spid"
    if [ "$server" = signalhub ] && [ "$PREWARM" -gt 0 ]; then
      log "pre-warm: $PREWARM publishes"
      taskset -c "$TOOL_CPU" java "$ROOT/src/bench/java/IngestBench.java" "http://127.0.0.1:$port" \
        "$PUB_TOKEN" "$SUB_TOKEN" "$PREWARM" 1 2>&1 | tee "$out/prewarm.log" || rc=$?
    fi
    rm -f "$out/tool.log" "$out/threads-window.txt" "$out"/profile-window.*
    if [ "$THREADS" = 1 ]; then
      sample_threads "$spid" "$out" &
      sampler=$!
    fi
    if [ "$PROFILE" = 1 ] && [ "$server" != node-ws ]; then
      lib=$(profiler_library)
      profile_window "$spid" "$out" "$lib" &
      profiler=$!
    fi
    # shellcheck disable=SC2086
    taskset -c "$TOOL_CPU" java $TOOL_JAVA_OPTS -jar "$TOOL_JAR" --url "ws://127.0.0.1:$port/" \
      --token "$SUB_TOKEN" --publisher-token "$PUB_TOKEN" --clients "$n" --rate "$r" \
      --duration "$DURATION" --warmup "$WARMUP" --ramp "$RAMP" --idle "$IDLE" \
      --slow-fraction "$SLOW_FRACTION" --server-pid "$spid" --label "$server" --out "$out" \
      $TOOL_OPTS 2>&1 | tee "$out/tool.log" || rc=$?
    if [ -n "$sampler" ]; then kill "$sampler" 2>/dev/null || true; fi
    if [ -n "$profiler" ]; then # it ends before the tool does, unless the tool failed first
      [ "$rc" = 0 ] || kill "$profiler" 2>/dev/null || true
      wait "$profiler" 2>/dev/null || true
    fi
  else
    rc=1
  fi
  cleanup
  return $rc
}

storm() { # storm SERVER N RATE: N connects offered at RATE/s with no cap on handshakes in flight
  local server=$1 n=$2 rate=$3
  RAMP=$rate DURATION=${DURATION_STORM:-10} WARMUP=0 \
    TOOL_OPTS="$TOOL_OPTS --max-handshakes $n --retry-refused $STORM_RETRIES" \
    point "$server" "$n" 1 "$RESULTS/$server/storm-$n-$rate"
}

grid() {
  local server=$1 n r
  for n in $GRID_N; do for r in $GRID_R; do point "$server" "$n" "$r" || log "point $server $n-$r failed"; done; done
}

case ${1:-} in
  build) build ;;
  chart) java -cp "$TOOL_JAR" com.signalhub.bench.Chart "$RESULTS" "$RESULTS/chart.png" ;;
  all) for s in floor node-ws vertx jetty signalhub; do grid "$s"; done ;;
  storm) [ $# -ge 4 ] || { sed -n '2,18p' "$0"; exit 2; }; storm "$2" "$3" "$4" ;;
  signalhub | node-ws | vertx | jetty | floor)
    if [ $# -ge 3 ]; then point "$1" "$2" "$3"; else grid "$1"; fi ;;
  *) sed -n '2,18p' "$0"; exit 2 ;;
esac
