#!/usr/bin/env python3
"""Markdown tables from bench/results/<server>/<N>-<R>/summary.properties: one table per figure,
every server side by side, Signal Hub's ratio to the best peer, CPU also as a multiple of the floor.
Usage: python3 bench/tables.py [RESULTS_DIR] > tables.md"""
import pathlib
import sys

PEERS = ["node-ws", "vertx", "jetty"]
SERVERS = ["signalhub"] + PEERS
FIGURES = [
    ("server_cpu_us_per_frame", "Server CPU per delivered frame (µs), lower is better", "low"),
    ("server_sys_us_per_frame", "…of which in the kernel (µs per frame; stime)", "low"),
    ("latency_p50_ms", "Latency p50, hand-over → receipt (ms)", "low"),
    ("latency_p99_ms", "Latency p99 (ms)", "low"),
    ("latency_p999_ms", "Latency p99.9 (ms)", "low"),
    ("latency_max_ms", "Latency max (ms)", "low"),
    ("frames_per_s", "Delivered frames/s (measured window)", "high"),
    ("server_rss_per_session_kb", "Server RSS per idle session (KiB)", "low"),
    ("connect_s", "Time to connect all N clients (s)", "low"),
    ("failed_connects", "Failed connects", "low"),
    ("missing", "Frames missing (must be 0)", "low"),
    ("duplicated", "Frames duplicated (must be 0)", "low"),
    ("server_cpu_pct", "Server CPU use during the window (% of one core)", "low"),
    ("tool_cpu_pct", "Load tool CPU (% of one core; near 100 = the tool limits the point)", "low"),
]


def load(results):
    data = {}
    for summary in results.glob("*/*-*/summary.properties"):
        server, point = summary.parent.parent.name, summary.parent.name
        props = {}
        for line in summary.read_text().splitlines():
            if "=" in line:
                key, value = line.split("=", 1)
                props[key] = value
        n, r = point.split("-")
        data.setdefault(server, {})[(int(n), float(r))] = props
    return data


def number(props, key):
    try:
        value = float(props[key])
        return None if value < 0 else value
    except (KeyError, ValueError):
        return None


def main():
    results = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "bench/results")
    data = load(results)
    points = sorted({p for server in data.values() for p in server})
    for key, title, better in FIGURES:
        servers = [s for s in SERVERS if s in data]
        floor = key == "server_cpu_us_per_frame" and "floor" in data
        header = ["N × R/s"] + servers + ["Signal Hub / best peer"] + (["floor", "Signal Hub × floor"] if floor else [])
        print(f"\n### {title}\n")
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for point in points:
            values = {s: number(data[s].get(point, {}), key) for s in servers}
            if all(v is None for v in values.values()):
                continue
            row = [f"{point[0]} × {point[1]:g}"]
            row += ["—" if values[s] is None else f"{values[s]:g}" for s in servers]
            peers = [values[s] for s in PEERS if values.get(s) is not None]
            best = (min(peers) if better == "low" else max(peers)) if peers else None
            mine = values.get("signalhub")
            row.append(f"{mine / best:.2f}" if mine is not None and best else "—")
            if floor:
                f = number(data["floor"].get(point, {}), "cpu_us_per_write")
                row.append("—" if f is None else f"{f:g}")
                row.append(f"{mine / f:.1f}" if mine is not None and f else "—")
            print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
