#!/usr/bin/env python3
"""Shares of a collapsed async-profiler profile (window of bench/run.sh PROFILE=1).

    python3 shares.py profile-window.collapsed

A sample counts for a row when any frame of its stack contains the row's text (inclusive
shares: rows overlap)."""
import sys

ROWS = [
    ("all samples", ""),
    ("fan-out shard threads", "fanout/control/Shard"),
    ("write syscalls (any thread)", "[k]write"),
    ("...the shard's socket writes", "SocketChannelImpl.write"),
    ("Weld client proxy of FanOutMetrics", "FanOutMetrics$Proxy$_$$_WeldClientProxy"),
    ("Grizzly AbstractNIOAsyncQueueWriter.write", "AbstractNIOAsyncQueueWriter.write"),
    ("GrizzlySink.send", "GrizzlySink.send"),
    ("AsyncWriteQueueRecord.create", "AsyncWriteQueueRecord.create"),
    ("Grizzly write probes", "notifyProbesWrite"),
    ("TyrusSession.isOpen", "TyrusSession.isOpen"),
    ("HTTP (Grizzly worker) threads", "AbstractThreadPool$Worker.run"),
]

def main(path):
    stacks = []
    for line in open(path, encoding="utf-8"):
        stack, _, n = line.rstrip("\n").rpartition(" ")
        stacks.append((stack, int(n)))
    total = sum(n for _, n in stacks)
    for label, text in ROWS:
        if text == "[k]write":
            hit = sum(n for s, n in stacks if any(f.split("_[k]")[0] in ("__x64_sys_write", "ksys_write", "__x64_sys_writev", "do_writev") for f in s.split(";")))
        else:
            hit = sum(n for s, n in stacks if text in s)
        print(f"{label:45s} {hit:7d} {100.0 * hit / total:6.1f} %")

if __name__ == "__main__":
    main(sys.argv[1])
