#!/usr/bin/env bash
# A connect storm (bench/run.sh storm signalhub N RATE) with the server's CPU (utime+stime from
# /proc) from "listening" to all connected, and a GC log; extra JVM flags in $FLAGS, the build in
# $DIR (a checkout with target/signal-hub.war; default: this one). PROFILE=1 also runs
# async-profiler over the same span into OUT/storm.collapsed (unpack it first: any
# `PROFILE=1 bench/run.sh` run does). bench/RESULTS.md, session 35.
#   stormcpu.sh OUT
set -euo pipefail
cd "$(dirname "$0")/../../.."
R=${1:-/tmp/sc1} n=${N:-10000} rate=${RATE:-2000}
rm -rf "$R"; mkdir -p "$R"
lib=$PWD/bench/target/async-profiler-3.0/linux-x64/libasyncProfiler.so
if [ "${PROFILE:-0}" = 1 ] && [ ! -f "$lib" ]; then
  echo "no $lib: run PROFILE=1 bench/run.sh once to unpack it" >&2; exit 2
fi
profiler() { taskset -c 1 java src/bench/java/ProfilerAttach.java "$pid" "$lib" "$1" >>"$R/prof.log" 2>&1; }
SIGNALHUB_JAVA_OPTS="-Xms1g -Xmn128m -XX:TieredStopAtLevel=1 -Xlog:gc:file=$R/gc.log ${FLAGS:-}" \
  SIGNALHUB_DIR=${DIR:-$PWD} RESULTS=$R WARMUP=5 DURATION=10 \
  bash bench/run.sh storm signalhub "$n" "$rate" >"$R/run.out" 2>&1 &
run=$!
for _ in $(seq 1 600); do grep -q "listening on" "$R/run.out" && break; sleep 0.1; done
pid=$(grep -o "pid [0-9]*" "$R/run.out" | head -1 | cut -d' ' -f2)
cpu() { awk '{print $14+$15}' "/proc/$pid/stat"; }
c0=$(cpu)
[ "${PROFILE:-0}" = 1 ] && profiler "start,event=cpu,interval=1ms"
out=$R/signalhub/storm-$n-$rate
for _ in $(seq 1 1200); do grep -q "connected, " "$out/tool.log" 2>/dev/null && break; sleep 0.1; done
c1=$(cpu)
[ "${PROFILE:-0}" = 1 ] && profiler "stop,file=$R/storm.collapsed,collapsed"
wait $run || true
echo "cpu_s_during_connect=$(awk -v t=$((c1 - c0)) -v hz="$(getconf CLK_TCK)" 'BEGIN{print t/hz}')" | tee "$R/cpu.txt"
grep "connected, " "$out/tool.log" | tee -a "$R/cpu.txt"
grep -c "Pause" "$R/gc.log" | sed 's/^/gc_pauses=/' | tee -a "$R/cpu.txt"
