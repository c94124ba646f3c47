#!/usr/bin/env python3
"""Old build against new, interleaved: the workloads of bench.py and
bench-catalogue.py, timed for two release builds of arxive in the same run.

For a change that should not change speed (a refactor): both builds import
the same generated 400-day history (daily and upstream) and the same
generated snapshot, round by round, old and new alternating; then both run
bench.py's searches on the history's archive and bench-catalogue.py's query
mix on the catalogue's, query by query, alternating. It prints the medians
and the ratio new/old of each.

Usage: scripts/bench-old-new.py --old DIR --new DIR [--days 400] [--papers 200000] [--rounds 5] [--runs 9]
DIR: a folder with a release build of arxive (and, for --new, arxive-generate), e.g.
  git worktree add /tmp/old REV && (cd /tmp/old && swift build -c release --static-swift-stdlib --product arxive)
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import QUERIES  # noqa: E402
bench_catalogue = __import__("bench-catalogue")
MIX = bench_catalogue.MIX


def run(args):
    return subprocess.run(args, check=True, capture_output=True, text=True)


def timed(args):
    start = time.perf_counter()
    run(args)
    return time.perf_counter() - start


def fresh(db):
    for f in (db, db + "-wal", db + "-shm"):
        if os.path.exists(f): os.remove(f)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--old", required=True)
    p.add_argument("--new", required=True)
    p.add_argument("--days", type=int, default=400)
    p.add_argument("--papers", type=int, default=200_000)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--runs", type=int, default=9)
    a = p.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    bins = {"old": os.path.join(a.old, "arxive"), "new": os.path.join(a.new, "arxive")}
    work = tempfile.mkdtemp(prefix="arxive-old-new-")
    history, snapshot = os.path.join(work, "history"), os.path.join(work, "snapshot.json")
    generate = os.path.join(a.new, "arxive-generate")
    print(run([generate, "--days", str(a.days), history]).stdout.strip())
    run([generate, "snapshot", "--papers", str(a.papers), snapshot])
    med = statistics.median

    def report(label, times):
        print(f"{label:32} old {med(times['old']) * 1000:9.1f} ms   new {med(times['new']) * 1000:9.1f} ms   "
              f"new/old {med(times['new']) / med(times['old']):.3f}")

    digests = {k: os.path.join(work, f"{k}.sqlite") for k in bins}
    imports = {k: [] for k in bins}
    for r in range(a.rounds):
        for k in (("old", "new") if r % 2 == 0 else ("new", "old")):
            fresh(digests[k])
            t = timed([bins[k], "import", "--db", digests[k], os.path.join(history, "daily")])
            t += timed([bins[k], "import", "--db", digests[k], "--digest", "upstream", os.path.join(history, "upstream")])
            imports[k].append(t)
    report(f"import, {a.days} days ({a.rounds} rounds)", imports)
    searches = {q: {k: [] for k in bins} for q in QUERIES}
    for _ in range(a.runs):
        for q in QUERIES:
            for k in bins:
                searches[q][k].append(timed([bins[k], "search", q.replace("title:", "ti:"), "--limit", "20", "--db", digests[k]]))
    for q in QUERIES:
        report(f"search {q}", searches[q])
    every = {k: [t for q in QUERIES for t in searches[q][k]] for k in bins}
    report("search, every run", every)

    catalogues = {k: os.path.join(work, f"{k}-catalogue.sqlite") for k in bins}
    loads = {k: [] for k in bins}
    for r in range(a.rounds):
        for k in (("old", "new") if r % 2 == 0 else ("new", "old")):
            fresh(catalogues[k])
            loads[k].append(timed([bins[k], "import", "--db", catalogues[k], snapshot]))
    report(f"catalogue import, {a.papers:,} papers", loads)
    mix = {name: {k: [] for k in bins} for name, *_ in MIX}
    for _ in range(a.runs):
        for name, query, *_ in MIX:
            for k in bins:
                mix[name][k].append(timed([bins[k], "search", "--db", catalogues[k], query]))
    for name, *_ in MIX:
        report(f"catalogue {name}", mix[name])
    report("catalogue query mix, every run", {k: [t for name in mix for t in mix[name][k]] for k in bins})
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
