#!/usr/bin/env bash
# For each Signal Hub point that starts publishing, sample per-thread CPU over its window.
seen=""
while true; do
  for f in $(ls -t /work/main/bench/results/session33/5000x5/*/signalhub/5000-5/tool.log 2>/dev/null | head -1); do
    d=$(dirname "$f")
    case " $seen " in *" $d "*) continue;; esac
    if grep -q 'publishing' "$f"; then
      seen="$seen $d"
      pid=$(grep -o 'pid [0-9]*' /tmp/p5k.log /tmp/c1.log 2>/dev/null | tail -1 | awk '{print $2}')
      sleep 62
      python3 /work/main/bench/threads.py "$pid" 28 30 > "$d/threads-window.txt" 2>&1
    fi
  done
  sleep 3
  grep -q '^rc=' /tmp/c1.log 2>/dev/null && exit 0
done
