#!/usr/bin/env python3
"""Before/after tables for repeated runs: the median and the spread of each figure.

    python3 bench/compare.py ARM=DIR[,DIR...] [ARM=DIR ...] > tables.md

Each DIR holds <N>-<R>/ (and storm-<N>-<RATE>/) points with a summary.properties, as
bench/run.sh writes them under RESULTS/<server>/. An arm with several DIRs (three runs of the same
build) shows "median [min–max]"; the last column divides the second arm's median by the third's
(e.g. Signal Hub after / Node ws). Example:

    python3 bench/compare.py \\
      before=bench/results/engine/before/run1/signalhub,bench/results/engine/before/run2/signalhub,... \\
      after=bench/results/engine/after/run1/signalhub,... node-ws=bench/results/engine/peers/node-ws
"""
import pathlib
import statistics
import sys

FIGURES = [
    ("server_cpu_us_per_frame", "Server CPU per delivered frame (µs)"),
    ("server_sys_us_per_frame", "…of which in the kernel (µs per frame)"),
    ("frames_per_s", "Delivered frames/s"),
    ("latency_p50_ms", "Latency p50, hand-over → receipt (ms)"),
    ("latency_p99_ms", "Latency p99 (ms)"),
    ("publish_p99_ms", "Publish (HTTP) answer p99 (ms)"),
    ("missing", "Frames missing"),
    ("duplicated", "Frames duplicated"),
    ("readers_disconnected", "Readers disconnected during the run"),
    ("accepted", "Signals accepted (answered 202 in time)"),
    ("server_rss_per_session_kb", "Server RSS per idle session (KiB)"),
    ("server_idle_cpu_pct", "Server CPU with the sessions idle (% of a core, just after connecting)"),
    ("connect_s", "Time to connect all N clients (s)"),
    ("server_cpu_pct", "Server CPU during the window (% of one core)"),
    ("tool_cpu_pct", "Load tool CPU (% of one core)"),
]
STORM_FIGURES = [
    ("connected", "Connected in the end"),
    ("connect_unanswered", "Upgrades never answered"),
    ("connect_refused_503", "Answered 503 (+ Retry-After), retried"),
    ("connect_attempts", "Upgrade attempts"),
    ("connect_s", "First connect to last one in (s)"),
    ("connect_p99_ms", "Upgrade time p99 (ms, the last attempt)"),
    ("server_rss_per_session_kb", "Server RSS per session (KiB)"),
]


def props(path):
    values = {}
    for line in path.read_text().splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            values[key] = value
    return values


def load(dirs):
    points = {}
    for d in dirs:
        for summary in pathlib.Path(d).glob("*/summary.properties"):
            points.setdefault(summary.parent.name, []).append(props(summary))
    return points


def numbers(runs, key):
    out = []
    for run in runs:
        try:
            out.append(float(run.get(key, "0")))  # an absent count (no 503 seen) is 0
        except ValueError:
            pass
    return out


def num(v):
    """Three significant figures or so: 31.5, 2.12, 99,064."""
    if v == int(v) or abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:.1f}" if abs(v) >= 10 else f"{v:.2f}"


def cell(values):
    if not values:
        return "—"
    med = statistics.median(values)
    if len(values) == 1:
        return num(med)
    return f"{num(med)} [{num(min(values))}–{num(max(values))}]"


def order(point):
    parts = point.replace("storm-", "").split("-")
    return (point.startswith("storm"), int(parts[0]), float(parts[1]))


def main():
    arms = []
    for arg in sys.argv[1:]:
        name, dirs = arg.split("=", 1)
        arms.append((name, load(dirs.split(","))))
    if not arms:
        print(__doc__)
        sys.exit(2)
    points = sorted({p for _, data in arms for p in data}, key=order)
    for storm in (False, True):
        chosen = [p for p in points if p.startswith("storm") == storm]
        if not chosen:
            continue
        for key, title in STORM_FIGURES if storm else FIGURES:
            header = ["point"] + [name for name, _ in arms]
            ratio = len(arms) >= 3
            if ratio:
                header.append(f"{arms[1][0]} / {arms[2][0]}")
            print(f"\n#### {title} (`{key}`)\n")
            print("| " + " | ".join(header) + " |")
            print("|" + "---|" * len(header))
            for point in chosen:
                row = [point.replace("-", " × ", 1) if not storm else point]
                meds = []
                for _, data in arms:
                    values = numbers(data.get(point, []), key)
                    row.append(cell(values))
                    meds.append(statistics.median(values) if values else None)
                if ratio:
                    a, b = meds[1], meds[2]
                    row.append(f"{a / b:.2f}" if a is not None and b else "—")
                print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
