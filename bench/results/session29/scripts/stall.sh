#!/bin/bash
# stall.sh CHECKOUT NAME: one instance (server-config/cluster/local.sh start 1, from the built
# CHECKOUT) on its H2 server; another connection holds the signal counter FOR UPDATE for 20 s while
# 80 publishes are sent at once; 2 s in, a WebSocket upgrade and /health/live are timed (probe.py).
# Results in ${OUT:-/tmp/stall}/NAME. Ports 18101 (HTTP), 19093 (H2), 61717 (broker) must be free.
HERE=$(cd "$(dirname "$0")" && pwd)
arm=$1 name=$2; out=${OUT:-/tmp/stall}/$name; rm -rf "$out"; mkdir -p "$out"
export CLUSTER_BASE_PORT=18100 CLUSTER_DB_PORT=19093 CLUSTER_BROKER_PORT=61717 CLUSTER_DATA=$out/data
cd "$arm" && server-config/cluster/local.sh start 1 > "$out/start.log" 2>&1
for i in $(seq 120); do [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18101/health/ready)" = 200 ] && break; sleep 1; done
java -cp "$out/data/h2.jar" "$HERE/Hold.java" jdbc:h2:tcp://127.0.0.1:19093/signalhub 20 > "$out/hold.log" 2>&1 &
hold=$!
for i in $(seq 60); do grep -q locked "$out/hold.log" && break; sleep 0.5; done
python3 "$HERE/probe.py" 18101 80 "$out/result.json" | tee "$out/probe.log"
wait $hold
server-config/cluster/local.sh stop >> "$out/start.log" 2>&1
