#!/usr/bin/env python3
"""What today's output folders cost arxive: import time per run, old build
against new, and a search with `topic:` against the same search without it.

Generates a synthetic history twice with the same seed (arxive-generate):
plain (the Markdown and JSON of every era) and `--today` (its HTML-table
days also carry a topic bundle, a spotlight file and ten files that hold no
digest: hotspot intermediates, a web copy, navigation images). Then, round
by round, interleaved so that this shared machine's noise hits all alike:

  * old: the arxive built from --old REV, importing the plain history
  * new: this checkout's arxive, importing the plain history
  * new-today: this checkout's arxive, importing the --today history

and reports each one's median import time per run. Then it times each
search pair (process start included) on the --today archive, the two
queries of a pair alternating, and reports the medians and their ratio.

Usage: scripts/bench-topics.py --old 774e0c3 [--new HEAD] [--days 400] [--rounds 7] [--keep DIR]
Needs release builds: it runs `swift build -c release --static-swift-stdlib`
in a git worktree of each revision (the work tree may change meanwhile).
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEARCH_RUNS = 15
# (without topic:, with topic:): the same search, narrowed to one topic.
PAIRS = [("model", "model topic:sparse_experts"),
         ("training network", "training network topic:compression"),
         ("rel:>=8", "rel:>=8 topic:training_dynamics"),
         ('"the model"', '"the model" topic:"Agent Memory and Planning"')]


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def timed(args):
    start = time.perf_counter()
    run(args)
    return time.perf_counter() - start


def build(folder):
    run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "arxive"], cwd=folder)
    return os.path.join(folder, ".build", "release", "arxive")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--old", required=True, help="the git revision to compare with")
    p.add_argument("--new", default="HEAD", help="the git revision to measure (default HEAD)")
    p.add_argument("--days", type=int, default=400)
    p.add_argument("--rounds", type=int, default=7)
    p.add_argument("--keep", help="work in this folder and keep it")
    a = p.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    work = a.keep or tempfile.mkdtemp(prefix="arxive-bench-topics-")
    os.makedirs(work, exist_ok=True)
    trees = {}
    for name, rev in (("new", a.new), ("old", a.old)):
        trees[name] = os.path.join(work, f"{name}-tree")
        if not os.path.exists(trees[name]):
            run(["git", "worktree", "add", "--detach", trees[name], rev], cwd=ROOT)
    new, old = build(trees["new"]), build(trees["old"])
    # Linked as arxive is: another configuration would rebuild the build folder from scratch.
    run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "arxive-generate"], cwd=trees["new"])
    generate = os.path.join(trees["new"], ".build", "release", "arxive-generate")
    histories = {}
    for name, flags in (("plain", []), ("today", ["--today"])):
        folder = os.path.join(work, name)
        shutil.rmtree(folder, ignore_errors=True)
        print(f"{name}: " + run([generate, "--days", str(a.days), *flags, folder]).stdout.strip())
        histories[name] = os.path.join(folder, "daily")
    files = {name: sum(len(f) for _, _, f in os.walk(path)) for name, path in histories.items()}

    legs = [("old", old, "plain"), ("new", new, "plain"), ("new-today", new, "today")]
    times = {leg: [] for leg, _, _ in legs}
    runs = {}
    for r in range(a.rounds):
        line = []
        for leg, binary, history in legs:
            db = os.path.join(work, f"{leg}.sqlite")
            for f in (db, db + "-wal", db + "-shm"):
                if os.path.exists(f): os.remove(f)
            times[leg].append(timed([binary, "import", "--db", db, histories[history]]))
            runs[leg] = json.loads(run([binary, "stats", "--db", db, "--json"]).stdout)["runs"]
            line.append(f"{leg} {times[leg][-1]:.2f} s")
        print(f"round {r + 1}: " + ", ".join(line))

    med = statistics.median
    print()
    print(f"history: {a.days} days; plain {files['plain']} files, --today {files['today']} files "
          f"({files['today'] - files['plain']} more: topic bundles, spotlight files and files that hold no digest)")
    for leg, _, history in legs:
        per_run = med(times[leg]) / runs[leg] * 1000
        print(f"import {leg:10} median {med(times[leg]):.2f} s for {runs[leg]} runs = {per_run:.2f} ms per run")
    base = med(times["old"]) / runs["old"]
    for leg in ("new", "new-today"):
        print(f"per-run ratio {leg} / old: {med(times[leg]) / runs[leg] / base:.3f}")

    db = os.path.join(work, "new-today.sqlite")
    plain_times = {q: [] for q, _ in PAIRS}
    topic_times = {q: [] for _, q in PAIRS}
    for _ in range(SEARCH_RUNS):
        for without, with_topic in PAIRS:
            plain_times[without].append(timed([new, "search", without, "--limit", "20", "--db", db]))
            topic_times[with_topic].append(timed([new, "search", with_topic, "--limit", "20", "--db", db]))
    print()
    print(f"search, process start included, median of {SEARCH_RUNS} (the pair alternating):")
    for without, with_topic in PAIRS:
        m1, m2 = med(plain_times[without]) * 1000, med(topic_times[with_topic]) * 1000
        print(f"  {without:20} {m1:6.1f} ms   {with_topic:50} {m2:6.1f} ms   ratio {m2 / m1:.2f}")
    if not a.keep:
        for tree in trees.values():
            run(["git", "worktree", "remove", "--force", tree], cwd=ROOT)
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
