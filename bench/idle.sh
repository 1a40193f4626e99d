#!/usr/bin/env bash
# Memory and background CPU of N idle authenticated sessions on Signal Hub (see bench/RESULTS.md,
# "Memory per idle session"):
#
#   bench/idle.sh N OUT [JVM flags...]     e.g. bench/idle.sh 10000 /tmp/idle -Xms1g -Xmn128m
#
# Starts Payara Micro on core 0 with SIGNALHUB_DIR's WAR (default: this checkout) on a fresh scratch
# directory, records a live-heap histogram and /proc status, connects N clients from core 1 (RAMP/s),
# waits SETTLE seconds (60), then writes the per-thread CPU over 30 s, a second histogram and status:
# OUT/histo-{before,after}.txt, OUT/status-{before,after-connect,after}.txt, OUT/threads-idle.txt.
# RSS per session = (VmRSS after - VmRSS before) / N.
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
n=$1 out=$2
shift 2
dir=${SIGNALHUB_DIR:-$ROOT}
jar=$HOME/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar
mkdir -p "$out"
scratch=$(mktemp -d /tmp/signalhub-idle.XXXXXX) # fresh ./data; target/ holds the RAR it deploys
ln -s "$dir/target" "$scratch/target"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ulimit -n 20000
(cd "$scratch" && SIGNALHUB_SIMULATOR_ENABLED=false SIGNALHUB_STREAM_MAX_SESSIONS=25000 \
  SIGNALHUB_STREAM_MAX_SESSIONS_PER_TOKEN=25000 exec taskset -c 0 java "$@" -jar "$jar" \
  --deploy "$dir/target/signal-hub.war" --contextroot / --port "$port" --rootdir "$scratch/runtime" \
  --prebootcommandfile "$dir/server-config/pre-boot-commands.asadmin" \
  --postbootcommandfile "$dir/server-config/post-boot-commands.asadmin" --nohazelcast \
  >"$out/server.log" 2>&1) &
for _ in $(seq 1 180); do grep -q "ready in" "$out/server.log" 2>/dev/null && break; sleep 1; done
pid=$(ss -Hltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[ -n "$pid" ] || { echo "the server did not start: $out/server.log" >&2; exit 1; }
stop() { kill "$pid" 2>/dev/null || true; sleep 5; kill -9 "$pid" 2>/dev/null || true; rm -rf "$scratch"; }
trap stop EXIT
curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null \
  || { echo "Signal Hub is not ready (not deployed?): $out/server.log" >&2; exit 1; }
status() { grep -E "VmRSS|RssAnon|Threads" "/proc/$pid/status" >"$out/status-$1.txt"; }
sleep 5
jmap -histo:live "$pid" >"$out/histo-before.txt"
status before
taskset -c 1 java -Xmx2g -jar "$BENCH/target/signalhub-bench.jar" --url "ws://127.0.0.1:$port/" \
  --clients "$n" --rate 1 --duration 1 --warmup 0 --idle "${IDLE:-150}" --ramp "${RAMP:-500}" \
  --server-pid "$pid" --out "$out/tool" >"$out/tool.log" 2>&1 &
tool=$!
until grep -q "connected, " "$out/tool.log" 2>/dev/null; do sleep 1; done
grep -q " 0 failed" "$out/tool.log" || { echo "clients failed to connect: $out/tool.log" >&2; exit 1; }
sleep 20
status after-connect
sleep "${SETTLE:-60}"
python3 "$BENCH/threads.py" "$pid" 30 20 >"$out/threads-idle.txt"
jmap -histo:live "$pid" >"$out/histo-after.txt"
status after
wait "$tool" || true
awk -v n="$n" '/VmRSS/{v[FILENAME]=$2} END{printf "RSS per session: %.1f KiB\n", (v[ARGV[2]]-v[ARGV[1]])/n}' \
  "$out/status-before.txt" "$out/status-after.txt"
