#!/usr/bin/env bash
# profile a connect storm: async-profiler from "listening" until all connected (+2 s)
cd "$(dirname "$0")/../../.."
R=${1:-/tmp/sp1}; rm -rf "$R"; mkdir -p "$R"
lib=bench/target/async-profiler-3.0/linux-x64/libasyncProfiler.so
SIGNALHUB_DIR=${DIR:-$PWD} RESULTS=$R WARMUP=5 DURATION=10 bash bench/run.sh storm signalhub 10000 2000 > "$R/run.out" 2>&1 &
run=$!
for i in $(seq 1 300); do grep -q "listening on" "$R/run.out" && break; sleep 0.2; done
pid=$(grep -o "pid [0-9]*" "$R/run.out" | head -1 | cut -d' ' -f2)
taskset -c 1 java src/bench/java/ProfilerAttach.java "$pid" "$PWD/$lib" "start,event=cpu,interval=1ms" > "$R/prof.log" 2>&1
out=$R/signalhub/storm-10000-2000
for i in $(seq 1 600); do grep -q "connected, " "$out/tool.log" 2>/dev/null && break; sleep 0.2; done
taskset -c 1 java src/bench/java/ProfilerAttach.java "$pid" "$PWD/$lib" "stop,file=$R/storm.collapsed,collapsed" >> "$R/prof.log" 2>&1
wait $run
