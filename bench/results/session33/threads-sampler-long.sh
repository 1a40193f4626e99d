#!/usr/bin/env bash
for arm in long-c2 long-c1; do
  f=/work/main/bench/results/session33/5000x5/$arm/signalhub/5000-5/tool.log
  until grep -q publishing "$f" 2>/dev/null; do sleep 2; done
  pid=$(grep -o 'pid [0-9]*' /tmp/long.log | tail -1 | awk '{print $2}')
  sleep 422
  python3 /work/main/bench/threads.py "$pid" 28 30 > "$(dirname "$f")/threads-window.txt" 2>&1
done
