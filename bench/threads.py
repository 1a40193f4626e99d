#!/usr/bin/env python3
"""Per-thread CPU of a running process, from /proc/<pid>/task/*/stat, over a window.

    python3 bench/threads.py PID [SECONDS=30] [TOP=25]

Prints each thread's CPU share of one core over the window (utime+stime), busiest first, and the
total, then the same summed by thread-name family (digits stripped: "http-thread-pool::http-listener(12)"
and "(13)" count together). Tells the JIT, timers, pings and the fan-out's shards apart when a server
should be idle.
"""
import os
import re
import sys
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")


def sample(pid):
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
        except OSError:
            continue  # the thread ended
        fields = stat[stat.rindex(")") + 2:].split()
        threads[tid] = (name, int(fields[11]) + int(fields[12]))  # utime + stime
    return threads


def main():
    pid = int(sys.argv[1])
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 30
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    before = sample(pid)
    t0 = time.monotonic()
    time.sleep(seconds)
    after = sample(pid)
    window = time.monotonic() - t0
    used = []
    for tid, (name, ticks) in after.items():
        delta = ticks - before.get(tid, (name, 0))[1]
        if delta > 0:
            used.append((delta, tid, name))
    used.sort(reverse=True)
    total = sum(d for d, _, _ in used)
    pct = lambda ticks: 100.0 * ticks / CLK_TCK / window
    print(f"# pid {pid}: {pct(total):.2f} % of one core over {window:.1f} s, {len(after)} threads")
    for delta, tid, name in used[:top]:
        print(f"{pct(delta):7.2f} %  {tid:>7}  {name}")
    families = {}
    for delta, _, name in used:
        family = re.sub(r"\d+", "#", name)
        families[family] = families.get(family, 0) + delta
    print("# by thread family")
    for family, delta in sorted(families.items(), key=lambda kv: -kv[1])[:top]:
        print(f"{pct(delta):7.2f} %  {family}")


if __name__ == "__main__":
    main()
