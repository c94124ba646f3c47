#!/usr/bin/env python3
"""Import and search benchmark: arxive against sqlite-utils, in the same run.

Generates a synthetic digest history (arxive-generate: every format era,
invented text, TeX names), then, alternating the tools round by round so that
machine noise hits both alike:

  * arxive:       `arxive import` of every file (daily/ and upstream/)
  * sqlite-utils: `insert --nl` of the same papers flattened to JSON lines,
                  then `enable-fts` (title, abstract, comment)

It checks that a second arxive import changes no count, then times searches
(whole process, start-up included) for both tools, and prints each query's
median and slowest run.

Usage: scripts/bench.py [--days 400] [--rounds 3] [--keep DIR]
Needs a release build (it runs `swift build -c release --static-swift-stdlib`) and sqlite-utils
(`pip install sqlite-utils`).
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release")
# Each query runs this many times per tool; its median is what one search takes,
# its slowest run how far this shared machine's slow spells stretched it.
SEARCH_RUNS = 9
# Plain FTS syntax that both tools accept (sqlite-utils passes the query to FTS5 as it is).
QUERIES = ["model", "training network", "\"the model\"", "vala*", "valor OR tex", "title:model"]


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def timed(args, **kw):
    start = time.perf_counter()
    out = run(args, **kw)
    return time.perf_counter() - start, out


def arxive(*args, db):
    return [os.path.join(BIN, "arxive"), *args, "--db", db]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--days", type=int, default=400)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--keep", help="work in this folder and keep it")
    a = p.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # each result as it comes, also into a file
    if not shutil.which("sqlite-utils"):
        sys.exit("sqlite-utils not found: pip install sqlite-utils")
    # The build the README tells users to install: static, so start-up is ~5 ms.
    run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "arxive"], cwd=ROOT)
    run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "arxive-generate"], cwd=ROOT)
    work = a.keep or tempfile.mkdtemp(prefix="arxive-bench-")
    os.makedirs(work, exist_ok=True)
    history = os.path.join(work, "history")
    shutil.rmtree(history, ignore_errors=True)
    print(run([os.path.join(BIN, "arxive-generate"), "--days", str(a.days), history]).stdout.strip())
    db, su = os.path.join(work, "arxive.sqlite"), os.path.join(work, "sqlite-utils.db")
    flat = os.path.join(history, "flat.jsonl")
    papers = sum(1 for _ in open(flat))

    ours, theirs = [], []
    for r in range(a.rounds):
        for f in (db, db + "-wal", db + "-shm", su):
            if os.path.exists(f): os.remove(f)
        t1, _ = timed(arxive("import", os.path.join(history, "daily"), db=db))
        t2, _ = timed(arxive("import", "--digest", "upstream", os.path.join(history, "upstream"), db=db))
        ours.append(t1 + t2)
        t3, _ = timed(["sqlite-utils", "insert", su, "papers", flat, "--nl", "--pk", "arxiv_id"])
        t4, _ = timed(["sqlite-utils", "enable-fts", su, "papers", "title", "abstract", "comment", "--create-triggers"])
        theirs.append(t3 + t4)
        print(f"round {r + 1}: arxive import {t1 + t2:.2f} s, sqlite-utils insert+enable-fts {t3 + t4:.2f} s")

    before = json.loads(run(arxive("stats", "--json", db=db)).stdout)
    t_again, _ = timed(arxive("import", os.path.join(history, "daily"), db=db))
    run(arxive("import", "--digest", "upstream", os.path.join(history, "upstream"), db=db))
    after = json.loads(run(arxive("stats", "--json", db=db)).stdout)
    assert before == after, f"a second import changed counts: {before} -> {after}"
    run(["sqlite3", db, "PRAGMA wal_checkpoint(TRUNCATE)"])

    # Interleaved, query by query and tool by tool, so that a slow spell of
    # this shared machine hits every query and both tools alike.
    searches_ours = {q: [] for q in QUERIES}
    searches_theirs = {q: [] for q in QUERIES}
    for _ in range(SEARCH_RUNS):
        for q in QUERIES:
            searches_ours[q].append(timed(arxive("search", q.replace("title:", "ti:"), "--limit", "20", db=db))[0])
            searches_theirs[q].append(timed(["sqlite-utils", "search", su, "papers", q, "--limit", "20"])[0])

    med = statistics.median
    size = os.path.getsize(db)
    print()
    print(f"history: {a.days} days, {before['runs']} runs, {before['verdicts']} verdicts, {before['papers']} papers "
          f"({papers} in flat.jsonl)")
    print(f"import (median of {a.rounds}): arxive {med(ours):.2f} s, sqlite-utils {med(theirs):.2f} s, "
          f"ratio arxive/sqlite-utils {med(ours) / med(theirs):.2f}")
    print(f"re-import (nothing changes): {t_again:.2f} s; counts unchanged: {before == after}")
    print(f"archive size: {size / 1e6:.1f} MB ({size / before['papers']:.0f} bytes/paper); "
          f"sqlite-utils db: {os.path.getsize(su) / 1e6:.1f} MB")
    every_ours = [t for times in searches_ours.values() for t in times]
    every_theirs = [t for times in searches_theirs.values() for t in times]
    print(f"search wall time, process start included, {len(every_ours)} runs: arxive median {med(every_ours) * 1000:.1f} ms "
          f"(slowest run {max(every_ours) * 1000:.1f} ms); sqlite-utils median {med(every_theirs) * 1000:.1f} ms")
    print(f"{'query':20} {'arxive median / slowest ms':>28} {'sqlite-utils median ms':>24}")
    for q in QUERIES:
        print(f"{q:20} {med(searches_ours[q]) * 1000:>17.1f} / {max(searches_ours[q]) * 1000:<8.1f} {med(searches_theirs[q]) * 1000:>22.1f}")
    slowest = max(QUERIES, key=lambda q: med(searches_ours[q]))
    print(f"slowest query by median: {slowest} {med(searches_ours[slowest]) * 1000:.1f} ms")
    if not a.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
