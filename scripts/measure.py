#!/usr/bin/env python3
"""Run a command; print its wall time (s) and the peak RSS (KiB) of its process tree as JSON.
Used by the benchmarks so that ours and GNU's tools are measured the same way."""
import json, resource, subprocess, sys, time

start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"status": proc.returncode, "wall": wall, "maxrss_kib": rss, "stderr": proc.stderr.decode(errors="replace")[-2000:]}))
