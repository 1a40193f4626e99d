#!/usr/bin/env bash
# storm with the server's CPU (utime+stime from /proc) from "listening" to all connected; extra JVM flags in $FLAGS
cd "$(dirname "$0")/../../.."
R=${1:-/tmp/sc1}; rm -rf "$R"; mkdir -p "$R"
SIGNALHUB_JAVA_OPTS="-Xms1g -Xmn128m -XX:TieredStopAtLevel=1 -Xlog:gc:file=$R/gc.log $FLAGS" SIGNALHUB_DIR=${DIR:-$PWD} RESULTS=$R WARMUP=5 DURATION=10 bash bench/run.sh storm signalhub ${N:-10000} ${RATE:-2000} > "$R/run.out" 2>&1 &
run=$!
for i in $(seq 1 600); do grep -q "listening on" "$R/run.out" && break; sleep 0.1; done
pid=$(grep -o "pid [0-9]*" "$R/run.out" | head -1 | cut -d' ' -f2)
cpu() { awk '{print $14+$15}' /proc/$pid/stat; }
c0=$(cpu)
out=$R/signalhub/storm-${N:-10000}-${RATE:-2000}
for i in $(seq 1 1200); do grep -q "connected, " "$out/tool.log" 2>/dev/null && break; sleep 0.1; done
c1=$(cpu)
wait $run
echo "cpu_ticks_during_connect=$((c1-c0))" | tee "$R/cpu.txt"
grep "connected, " "$out/tool.log" | tee -a "$R/cpu.txt"
grep -c "Pause" $R/gc.log | sed 's/^/gc_pauses=/' | tee -a "$R/cpu.txt"
