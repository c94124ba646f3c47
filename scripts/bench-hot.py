#!/usr/bin/env python3
"""The "Daily AI Hotspots" digest at scale: importing a year of reports, and
`arxive hot search` on a 400-day history (process start included).

Generates the reports with `arxive-generate hotspots` (invented text and
sources, about 35 topics a day as the real reports have), imports the first
365 days into an empty archive (best and median of --rounds), then the whole
history, and times each query SEARCH_RUNS times, the queries interleaved.

Usage: scripts/bench-hot.py [--days 400] [--rounds 5] [--keep DIR] [--bin DIR]
Needs a release build (it runs `swift build -c release --static-swift-stdlib`),
unless --bin names a folder that holds release builds of arxive and arxive-generate.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release")
SEARCH_RUNS = 15
QUERIES = ["model", "the", "valor* OR tex*", '"of the"', "section:featured heat:>=7", 'category:"Product Release" date:2025-12',
           "source:hn_discussion", "model -the"]


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def timed(args):
    start = time.perf_counter()
    run(args)
    return time.perf_counter() - start


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--days", type=int, default=400)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--keep", help="work in this folder and keep it")
    p.add_argument("--bin", help="use the builds in this folder instead of building")
    a = p.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    bin = a.bin or BIN
    if not a.bin:
        run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "arxive"], cwd=ROOT)
        run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "arxive-generate"], cwd=ROOT)
    arxive = os.path.join(bin, "arxive")
    work = a.keep or tempfile.mkdtemp(prefix="arxive-bench-hot-")
    year, whole = os.path.join(work, "year"), os.path.join(work, "whole")
    for folder, days in ((year, 365), (whole, a.days)):
        shutil.rmtree(folder, ignore_errors=True)
        print(run([os.path.join(bin, "arxive-generate"), "hotspots", "--days", str(days), folder]).stdout.strip())
    db = os.path.join(work, "hot.sqlite")

    def fresh(path):
        for f in (path, path + "-wal", path + "-shm"):
            if os.path.exists(f): os.remove(f)

    times = []
    for r in range(a.rounds):
        fresh(db)
        times.append(timed([arxive, "import", "--db", db, year]))
        print(f"round {r + 1}: a year of reports imported in {times[-1]:.2f} s")
    fresh(db)
    run([arxive, "import", "--db", db, whole])
    stats = run([arxive, "stats", "--db", db]).stdout
    runs = {q: [] for q in QUERIES}
    for _ in range(SEARCH_RUNS):
        for q in QUERIES:
            runs[q].append(timed([arxive, "hot", "search", q, "--limit", "20", "--db", db]))
    med = statistics.median
    print()
    print(f"import of 365 reports: median {med(times):.2f} s, best {min(times):.2f} s ({a.rounds} rounds)")
    print("archive of the whole history: " + " · ".join(l.strip() for l in stats.splitlines() if "hotspot" in l or "size" in l))
    every = [t for ts in runs.values() for t in ts]
    print(f"hot search, process start included, {len(every)} runs: median {med(every) * 1000:.1f} ms, slowest {max(every) * 1000:.1f} ms")
    for q in QUERIES:
        print(f"  {q:40} median {med(runs[q]) * 1000:6.1f} ms   slowest {max(runs[q]) * 1000:6.1f} ms")
    if not a.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
